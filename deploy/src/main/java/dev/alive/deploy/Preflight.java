package dev.alive.deploy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.tasks.system.CommandLineSplitter;
import dev.alive.tasks.system.ExecutableNotFoundException;
import dev.alive.tasks.system.Executables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before a run changes anything, that the programs it will need exist: each site's
 * install, build and start programs on the PATH the commands get, and {@code caddy} among alive's
 * own tools when the host has a Caddy proxy. A missing one is a clear error naming what needs it.
 */
final class Preflight {

    private final String appPath;
    private final String systemPath;

    /**
     * @param appPath the PATH the spec's commands run with
     * @param systemPath where alive's own tools are looked up
     */
    Preflight(String appPath, String systemPath) {
        this.appPath = appPath;
        this.systemPath = systemPath;
    }

    static Preflight of(Map<String, String> environment) {
        return new Preflight(environment.getOrDefault("PATH", Executables.SYSTEM_PATH), Executables.SYSTEM_PATH);
    }

    void check(List<Site> sites, Host host) {
        var missing = new ArrayList<String>();
        for (var site : sites) {
            commands(site).forEach((what, command) -> {
                var program = CommandLineSplitter.split(command).get(0);
                if (!program.contains("/") && !onPath(program, appPath)) {
                    missing.add(program + " (the " + what + " command of " + site.domain() + ") is not on PATH "
                            + appPath + ": install it, or fix the command");
                }
            });
        }
        if (host.proxy().kind() == Host.Proxy.Kind.CADDY && !onPath("caddy", systemPath)) {
            missing.add("caddy (the proxy of host " + host.name() + ") is not installed in " + systemPath
                    + ": install it (apt-get install caddy), or set proxy.kind: none in the host profile");
        }
        if (!missing.isEmpty()) {
            throw new MissingProgramException(String.join("\n", missing.stream().distinct().toList()));
        }
    }

    private static Map<String, String> commands(Site site) {
        var commands = new LinkedHashMap<String, String>();
        if (site.isAsIs()) {
            return commands; // an adopted site's unit runs its own commands; alive runs none
        }
        site.app().install().ifPresent(command -> commands.put("install", command));
        site.app().build().ifPresent(build -> commands.put("build", build.command()));
        commands.put("start", site.app().start());
        return commands;
    }

    private static boolean onPath(String program, String path) {
        try {
            Executables.resolve(program, path, Path.of("/"));
            return true;
        } catch (ExecutableNotFoundException e) {
            return false;
        }
    }

    /** A program a run needs is not installed; nothing was changed. */
    static final class MissingProgramException extends AliveException {
        private static final long serialVersionUID = 1L;

        MissingProgramException(String message) {
            super(ErrorCategory.FAILED, message);
        }
    }
}
