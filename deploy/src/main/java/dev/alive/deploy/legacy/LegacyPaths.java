package dev.alive.deploy.legacy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a legacy server keeps each source. {@link #production()} gives the as-is paths;
 * {@link #under(Path)} the same paths under a root (a test's temporary folder). Paths found
 * inside the sources (a unit's WorkingDirectory, a Caddy files root) are taken as written.
 *
 * @param registry {@code domain-passwords.json}; empty when the ports come from elsewhere
 * @param portMap {@code port-map.json} ({@code {"hostname": port}}), when given
 * @param sitesRoots the workspace folders, newest layout first
 * @param procNet the kernel's socket tables ({@code /proc/net}), never under the root: the
 *     listening processes are real
 */
public record LegacyPaths(Optional<Path> registry, Optional<Path> portMap, Path caddyfile, Path envDir,
                          Path unitsDir, List<Path> sitesRoots, Path passwd, Path group, Path procNet) {

    public static final Path REGISTRY = Path.of("/var/lib/claude-bridge/domain-passwords.json");
    public static final Path CADDYFILE = Path.of("/root/alive/Caddyfile");
    public static final Path ENV_DIR = Path.of("/etc/sites");
    public static final Path UNITS_DIR = Path.of("/etc/systemd/system");
    public static final List<Path> SITES_ROOTS = List.of(Path.of("/srv/webalive/sites"), Path.of("/root/webalive/sites"));

    public LegacyPaths {
        sitesRoots = List.copyOf(sitesRoots);
    }

    public static LegacyPaths production() {
        return under(Path.of("/"));
    }

    /** The production paths under {@code root}. */
    public static LegacyPaths under(Path root) {
        return new LegacyPaths(Optional.of(at(root, REGISTRY)), Optional.empty(), at(root, CADDYFILE),
                at(root, ENV_DIR), at(root, UNITS_DIR), SITES_ROOTS.stream().map(p -> at(root, p)).toList(),
                at(root, Path.of("/etc/passwd")), at(root, Path.of("/etc/group")), Path.of("/proc/net"));
    }

    public LegacyPaths withRegistry(Optional<Path> file) {
        return new LegacyPaths(file, portMap, caddyfile, envDir, unitsDir, sitesRoots, passwd, group, procNet);
    }

    public LegacyPaths withPortMap(Optional<Path> file) {
        return new LegacyPaths(registry, file, caddyfile, envDir, unitsDir, sitesRoots, passwd, group, procNet);
    }

    public LegacyPaths withCaddyfile(Path file) {
        return new LegacyPaths(registry, portMap, file, envDir, unitsDir, sitesRoots, passwd, group, procNet);
    }

    public LegacyPaths withEnvDir(Path dir) {
        return new LegacyPaths(registry, portMap, caddyfile, dir, unitsDir, sitesRoots, passwd, group, procNet);
    }

    public LegacyPaths withUnitsDir(Path dir) {
        return new LegacyPaths(registry, portMap, caddyfile, envDir, dir, sitesRoots, passwd, group, procNet);
    }

    public LegacyPaths withSitesRoots(List<Path> roots) {
        return new LegacyPaths(registry, portMap, caddyfile, envDir, unitsDir, roots, passwd, group, procNet);
    }

    private static Path at(Path root, Path absolute) {
        return root.resolve(absolute.toString().substring(1));
    }
}
