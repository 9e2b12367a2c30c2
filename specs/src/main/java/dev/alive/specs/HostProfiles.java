package dev.alive.specs;

import dev.alive.specs.Host.Proxy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The host profiles: the built-ins {@code local} and {@code production}, and {@code kind: Host} files.
 *
 * <ul>
 *   <li>{@code local}: everything under {@code <workingDir>/.alive}: SQLite state {@code state.db},
 *       {@code sites/}, {@code env/}, ports 3333-3999, no Linux users, plain processes, Caddy
 *       (when {@code caddy} is on the PATH) with {@code caddy/Caddyfile}, admin 127.0.0.1:2019
 *       (or {@value #CADDY_ADMIN_VARIABLE}), listening on 127.0.0.1:8080.</li>
 *   <li>{@code production}: root {@code /}, {@code /var/lib/alive/state.db}, {@code /srv/sites},
 *       {@code /etc/sites}, Linux users, systemd, Caddy in {@code /etc/caddy}, listening on :443.</li>
 * </ul>
 */
public final class HostProfiles {

    public static final String LOCAL = "local";
    public static final String PRODUCTION = "production";
    public static final List<String> BUILT_INS = List.of(LOCAL, PRODUCTION);
    /** Overrides the Caddy admin address of the built-in {@code local} profile. */
    public static final String CADDY_ADMIN_VARIABLE = "ALIVE_CADDY_ADMIN";

    private HostProfiles() {
    }

    /** A built-in by name, else a host profile file (relative to {@code workingDir}); null or blank is local. */
    public static Host resolve(String nameOrFile, Path workingDir) {
        return resolve(nameOrFile, workingDir, System.getenv());
    }

    public static Host resolve(String nameOrFile, Path workingDir, Map<String, String> environment) {
        if (nameOrFile == null || nameOrFile.isBlank() || nameOrFile.equals(LOCAL)) {
            return local(workingDir, environment);
        }
        if (nameOrFile.equals(PRODUCTION)) {
            return production(environment);
        }
        Path file;
        try {
            file = workingDir.resolve(nameOrFile);
        } catch (InvalidPathException e) {
            throw notAProfile(nameOrFile, "is not a valid path");
        }
        if (!Files.exists(file) && !nameOrFile.contains(File.separator) && !nameOrFile.contains(".")) {
            throw notAProfile(nameOrFile, "is neither a built-in host profile (" + String.join(", ", BUILT_INS)
                    + ") nor a file");
        }
        return SpecLoader.withEnvironment(environment).loadHost(file);
    }

    public static Host local(Path workingDir) {
        return local(workingDir, System.getenv());
    }

    /** The built-in local profile; {@code environment} supplies PATH and {@value #CADDY_ADMIN_VARIABLE}. */
    public static Host local(Path workingDir, Map<String, String> environment) {
        Host host = build(LOCAL, HostLayout.LOCAL, workingDir.toAbsolutePath().normalize().resolve(".alive"),
                environment);
        String admin = environment.get(CADDY_ADMIN_VARIABLE);
        if (admin == null || admin.isBlank()) {
            return host;
        }
        if (Addresses.hostPortProblem(admin, true).isPresent()) {
            throw notAProfile(LOCAL, CADDY_ADMIN_VARIABLE + "=" + Texts.quote(admin) + " "
                    + Addresses.hostPortProblem(admin, true).get());
        }
        return host.withProxy(host.proxy().withAdminAddress(admin));
    }

    public static Host production() {
        return production(System.getenv());
    }

    public static Host production(Map<String, String> environment) {
        return build(PRODUCTION, HostLayout.PRODUCTION, Path.of("/"), environment);
    }

    private static Host build(String name, HostLayout layout, Path root, Map<String, String> environment) {
        Proxy.Kind kind = switch (layout.proxy()) {
            case CADDY -> Proxy.Kind.CADDY;
            case NONE -> Proxy.Kind.NONE;
            case AUTO -> isOnPath("caddy", environment) ? Proxy.Kind.CADDY : Proxy.Kind.NONE;
        };
        Proxy proxy = new Proxy(kind, root.resolve(layout.proxySitesDir()), root.resolve(layout.mainCaddyfile()),
                layout.adminAddress(), layout.listenAddress());
        String state = StateUrls.canonical(layout.state(), root).value().orElseThrow();
        return new Host(name, root, state, root.resolve(layout.sites()), root.resolve(layout.envDir()),
                layout.ports(), layout.serverIp(), layout.wildcardDomain(), layout.users(), layout.services(), proxy,
                layout.keepReleases(), HostLayout.KEEP_RUNS, Host.Limits.DEFAULTS);
    }

    /** Whether an executable of that name is in one of the PATH folders of {@code environment}. */
    static boolean isOnPath(String command, Map<String, String> environment) {
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            try {
                Path candidate = Path.of(folder).resolve(command);
                if (!folder.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // skip an unusable PATH entry
            }
        }
        return false;
    }

    private static SpecException notAProfile(String name, String why) {
        return new SpecException(List.of(Problem.inFile(Path.of(name), why)));
    }
}
