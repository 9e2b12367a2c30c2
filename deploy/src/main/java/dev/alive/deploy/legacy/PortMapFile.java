package dev.alive.deploy.legacy;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Path;
import java.util.List;

/** {@code port-map.json}, derived from {@code app.domains} on newer servers: {@code {"hostname": 3333}}. */
public final class PortMapFile {
    static final String SHAPE = "an object of hostname to port, {\"example.alive.best\": 3333}";

    private PortMapFile() {
    }

    /** @throws LegacyReadException naming file, line and fix when the file is not of that shape */
    public static List<PortEntry> read(Path file) {
        return JsonPorts.read(file, SHAPE, (parser, domain) -> {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw JsonPorts.problem(file, parser, "the port of " + domain + " is not a whole number", SHAPE);
            }
            return parser.getIntValue();
        });
    }
}
