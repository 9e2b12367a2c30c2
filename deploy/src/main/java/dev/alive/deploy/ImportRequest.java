package dev.alive.deploy;

import dev.alive.deploy.legacy.LegacyPaths;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code alive import legacy}: adopt the sites of a server the as-is scripts deployed.
 *
 * @param paths where the legacy server keeps each source ({@link LegacyPaths#production()} by default)
 * @param portsFromStore also read the ports from the state store's {@code app.domains} (newer
 *     servers keep them only there); required when {@code paths} has no registry and no port map
 * @param out the folder the specs are written to, {@code <out>/<domain>.yaml}
 * @param dryRun report what would be adopted and what not; write and commit nothing
 * @param only the domains to adopt (empty: every one)
 */
public record ImportRequest(LegacyPaths paths, boolean portsFromStore, Path out, boolean dryRun, Set<String> only) {
    public ImportRequest {
        only = Set.copyOf(only);
    }
}
