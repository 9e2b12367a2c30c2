package dev.alive.deploy.legacy;

import java.nio.file.Path;
import java.util.List;

/**
 * A site whose sources all agree: what the import takes over, exactly as it runs.
 *
 * @param slug from the unit instance and the env file name (never recomputed)
 * @param portSources the sources that agree on the port
 * @param execStart the command the unit runs (the template's, or a drop-in's)
 * @param workingDirectory as the unit states it (it resolves into the workspace)
 * @param dropIns the drop-ins that change the template for this site
 * @param uid the site user's uid
 */
public record LegacySite(String domain, String slug, int port, List<String> portSources, Path workspace, Path appDir,
                         String unit, String execStart, String workingDirectory, Path envFile, List<Path> dropIns,
                         String user, int uid, CaddySiteBlock.Proxy caddy) implements JoinedSite {
    public LegacySite {
        portSources = List.copyOf(portSources);
        dropIns = List.copyOf(dropIns);
    }

    @Override
    public String name() {
        return domain;
    }
}
