package dev.alive.deploy.legacy;

import dev.alive.state.Domains;
import java.util.List;
import java.util.Optional;

/** The ports of the state store's {@code app.domains} (newer servers keep them only there). */
public final class StorePorts {
    public static final String SOURCE = "app.domains";

    private StorePorts() {
    }

    /** Every row, of every host: the platform's rows were made before alive and have no host. */
    public static List<PortEntry> read(Domains domains) {
        return domains.list(Optional.empty()).stream()
                .map(d -> new PortEntry(d.hostname(), d.port(), SOURCE)).toList();
    }
}
