package dev.alive.deploy.legacy;

import dev.alive.state.Domains;
import dev.alive.tasks.system.Caddy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a legacy server says about its sites, each source read once and nothing changed.
 *
 * @param portSources the names of the port sources read, for messages
 */
public record LegacySources(List<PortEntry> ports, List<String> portSources, Path caddyfile,
                            Map<String, CaddySiteBlock> caddy, List<EnvFile> envFiles, List<UnitInstance> units,
                            Workspaces.Found workspaces, SystemAccounts accounts, Set<Integer> listening) {
    public LegacySources {
        ports = List.copyOf(ports);
        portSources = List.copyOf(portSources);
        caddy = Map.copyOf(caddy);
        envFiles = List.copyOf(envFiles);
        units = List.copyOf(units);
        listening = Set.copyOf(listening);
    }

    /**
     * Reads every source of {@code paths}; the ports from the registry, the port map and the state
     * store's {@code app.domains}, those of them that are given (at least one).
     *
     * @throws LegacyReadException naming the file, line and fix of the first source that cannot be read
     */
    public static LegacySources read(LegacyPaths paths, Caddy caddy, Optional<Domains> store) {
        List<PortEntry> ports = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        paths.registry().ifPresent(file -> {
            ports.addAll(PortRegistryFile.read(file));
            sources.add(file.toString());
        });
        paths.portMap().ifPresent(file -> {
            ports.addAll(PortMapFile.read(file));
            sources.add(file.toString());
        });
        store.ifPresent(domains -> {
            ports.addAll(StorePorts.read(domains));
            sources.add(StorePorts.SOURCE);
        });
        if (sources.isEmpty()) {
            throw new LegacyReadException(paths.envDir(), "no port source is given",
                    "Give the registry (domain-passwords.json), port-map.json or the state store's app.domains");
        }
        var accounts = SystemAccounts.read(paths.passwd(), paths.group());
        return new LegacySources(ports, sources, paths.caddyfile(), new CaddyfileReader(caddy).read(paths.caddyfile()),
                EnvFiles.read(paths.envDir(), accounts), SiteUnits.read(paths.unitsDir()),
                Workspaces.read(paths.sitesRoots(), accounts), accounts, ListeningPorts.read(paths.procNet()));
    }
}
