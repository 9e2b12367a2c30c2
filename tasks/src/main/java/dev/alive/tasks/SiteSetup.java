package dev.alive.tasks;

import dev.alive.engine.task.Input;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.tasks.system.Command;
import dev.alive.tasks.system.CommandLineSplitter;
import dev.alive.tasks.system.Executables;
import dev.alive.tasks.system.FileOps;
import dev.alive.tasks.system.RunAs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One site on one host, as its tasks see it: the spec, the host profile, where things live, the
 * adapters to the real system, and alive's environment (for {@code ${NAME}} values).
 */
public record SiteSetup(Site site, Host host, SitePaths paths, HostSystem system, Map<String, String> environment) {

    /** The app folder inside the template. */
    public Path appDir() {
        return site.template().resolve(site.app().root()).normalize();
    }

    /** Creates the site's folders when missing, and makes them 0750 and owned by the site user. */
    public void ensureSiteDirs(int uid, int gid) {
        for (var dir : List.of(paths.siteDir(), paths.releasesDir(), paths.depsDir())) {
            try {
                // modes and owner set every time: a folder made by someone else (an npm left running
                // by a killed alive recreating its HOME, say) converges to what alive makes
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
                FileOps.chown(dir, uid, gid);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A command the spec wrote (install, build, start), split into an argument vector, to run in
     * {@code dir} with a clean environment: PATH, HOME (the site folder), DOMAIN and {@code extra}.
     */
    public Command specCommand(String commandLine, Path dir, Map<String, String> extra, Optional<RunAs> runAs) {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", environment.getOrDefault("PATH", Executables.SYSTEM_PATH));
        env.put("HOME", paths.siteDir().toString());
        env.put("DOMAIN", site.domain());
        env.putAll(extra);
        var command = Command.of(dir, CommandLineSplitter.split(commandLine)).withEnvironment(env);
        return runAs.map(command::as).orElse(command);
    }

    public SiteServices services() {
        return system.services();
    }

    public SiteProxy proxy() {
        return system.proxy().orElseThrow(() -> new IllegalStateException("host " + host.name() + " has no proxy"));
    }

    public boolean createsUsers() {
        return host.users() == Host.Users.CREATE;
    }

    /** The app env as task inputs: literal values as they are, {@code ${NAME}} values as secrets. */
    public List<Input> envInputs() {
        return site.app().env().entrySet().stream()
                .map(entry -> (Input) (entry.getValue() instanceof Site.EnvValue.Literal literal
                        ? Input.value("env." + entry.getKey(), literal.value())
                        : Input.secret("env." + entry.getKey(), resolve(entry.getValue()))))
                .toList();
    }

    /** The app env with every value resolved (secrets included): only for the env file and commands. */
    public Map<String, String> appEnvironment() {
        var values = new LinkedHashMap<String, String>();
        site.app().env().forEach((name, value) -> values.put(name, resolve(value)));
        return values;
    }

    private String resolve(Site.EnvValue value) {
        if (value instanceof Site.EnvValue.Literal literal) {
            return literal.value();
        }
        var variable = ((Site.EnvValue.FromEnvironment) value).variable();
        var resolved = environment.get(variable);
        if (resolved == null) {
            throw new IllegalStateException("environment variable " + variable + " is not set (the spec's env uses ${"
                    + variable + "})");
        }
        return resolved;
    }
}
