package dev.alive.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code bin/alive} the way an operator would, in a given folder, with a clean alive environment. */
final class Alive {

    private final Path launcher;

    Alive(Path repo) {
        this.launcher = repo.resolve("bin/alive");
    }

    CommandRun run(Path workingDir, String... args) {
        return run(workingDir, Map.of(), args);
    }

    /** {@code extraEnvironment} adds to this process's environment without its ALIVE_* variables. */
    CommandRun run(Path workingDir, Map<String, String> extraEnvironment, String... args) {
        var environment = new HashMap<String, String>();
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("ALIVE_")) {
                environment.put(name, value);
            }
        });
        environment.put("NO_COLOR", "1");
        environment.putAll(extraEnvironment);
        var argv = new ArrayList<String>();
        argv.add(launcher.toString());
        argv.addAll(List.of(args));
        return CommandRun.run(workingDir, environment, argv);
    }

    /** A first deploy: a new owner needs a password. */
    static Map<String, String> withPassword() {
        return Map.of("ALIVE_OWNER_PASSWORD", "bench-password");
    }
}
