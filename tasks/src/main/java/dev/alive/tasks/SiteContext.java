package dev.alive.tasks;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.tasks.host.FileAccess;
import dev.alive.tasks.host.Machine;
import dev.alive.tasks.host.MachineFiles;
import dev.alive.tasks.system.Command;
import dev.alive.tasks.system.CommandLineSplitter;
import dev.alive.tasks.system.Executables;
import dev.alive.tasks.system.HealthCheck;
import dev.alive.tasks.system.RunAs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One site on one host, as its tasks see it: the spec, the host profile, where things live, the
 * machine they reach it through, and alive's environment (for {@code ${NAME}} values).
 */
public record SiteContext(Site spec, Host host, SitePaths paths, Machine machine, Map<String, String> environment) {

    /** Without alive's environment (passwords, the values behind {@code ${NAME}}): it may end up in a log line. */
    @Override
    public String toString() {
        return "SiteContext[site=" + spec.domain() + ", host=" + host + ", paths=" + paths + ", environment="
                + environment.size() + " variables, not shown]";
    }

    /** The app folder inside the template. */
    public Path appDir() {
        return spec.template().resolve(spec.app().root()).normalize();
    }

    public MachineFiles files() {
        return machine.files();
    }

    /** Creates the site's folders when missing, and makes them 0750 and owned by the site user. */
    public void ensureSiteDirs(int uid, int gid) {
        // modes and owner set every time: a folder made by someone else (an npm left running by a
        // killed alive recreating its HOME, say) converges to what alive makes
        var access = FileAccess.of("rwxr-x---").ownedBy(uid, gid);
        for (var dir : List.of(paths.siteDir(), paths.releasesDir(), paths.depsDir())) {
            machine.files().makeDirectories(dir, access);
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
        env.put("DOMAIN", spec.domain());
        env.putAll(extra);
        var command = Command.of(dir, CommandLineSplitter.split(commandLine)).withEnvironment(env);
        return runAs.map(command::as).orElse(command);
    }

    public SiteServices services() {
        return machine.services();
    }

    public SiteProxy proxy() {
        return machine.proxy().orElseThrow(() -> new AliveException(ErrorCategory.INVALID_INPUT, "host " + host.name()
                + " has no proxy: set proxy.kind: caddy in the host profile"));
    }

    /** The site's health check, on the machine's HTTP. */
    public HealthCheck health() {
        return new HealthCheck(machine.http());
    }

    public boolean createsUsers() {
        return host.users() == Host.Users.CREATE;
    }

    /** The app env as task inputs: literal values as they are, {@code ${NAME}} values as secrets. */
    public List<Input> envInputs() {
        return spec.app().env().entrySet().stream()
                .map(entry -> (Input) (entry.getValue() instanceof Site.EnvValue.Literal literal
                        ? Input.value("env." + entry.getKey(), literal.value())
                        : Input.secret("env." + entry.getKey(), resolve(entry.getValue()))))
                .toList();
    }

    /** The app env with every value resolved (secrets included): only for the env file and commands. */
    public Map<String, String> appEnvironment() {
        var values = new LinkedHashMap<String, String>();
        spec.app().env().forEach((name, value) -> values.put(name, resolve(value)));
        return values;
    }

    private String resolve(Site.EnvValue value) {
        if (value instanceof Site.EnvValue.Literal literal) {
            return literal.value();
        }
        var variable = ((Site.EnvValue.FromEnvironment) value).variable();
        var resolved = environment.get(variable);
        if (resolved == null) {
            throw new AliveException(ErrorCategory.INVALID_INPUT, "environment variable " + variable
                    + " is not set (the spec's env uses ${" + variable + "}): set it, or change the spec");
        }
        return resolved;
    }
}
