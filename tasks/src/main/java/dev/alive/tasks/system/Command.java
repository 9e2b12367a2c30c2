package dev.alive.tasks.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One external command: an argument vector run in a working directory with exactly the given
 * environment (nothing inherited from alive), optionally as another user, within a timeout.
 * {@code argv[0]} without a slash is looked up on the environment's {@code PATH}.
 *
 * @param outputFile when present, the output is appended to this file by the operating system
 *     instead of being streamed; for programs that leave a background child holding their output
 *     open ({@code caddy start})
 */
public record Command(List<String> argv, Path workingDir, Map<String, String> environment,
                      Optional<RunAs> runAs, Duration timeout, Optional<Path> outputFile) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /**
     * The environment variable that ties a command to the run that started it ({@link #inRun}); it
     * is inherited by every process the command starts, so that what a dead run left running can be
     * found through {@code /proc/<pid>/environ} ({@link LeftoverCommands}).
     */
    public static final String RUN_MARKER = "ALIVE_RUN_ID";

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty argument vector");
        }
        environment = Map.copyOf(new LinkedHashMap<>(environment));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** An empty environment, as the current user, with {@link #DEFAULT_TIMEOUT}. */
    public static Command of(Path workingDir, List<String> argv) {
        return new Command(argv, workingDir, Map.of(), Optional.empty(), DEFAULT_TIMEOUT, Optional.empty());
    }

    public static Command of(Path workingDir, String... argv) {
        return of(workingDir, List.of(argv));
    }

    public Command withEnvironment(Map<String, String> env) {
        return new Command(argv, workingDir, env, runAs, timeout, outputFile);
    }

    /**
     * The same command, tied to a run: {@link #RUN_MARKER}{@code =<runId>} in its environment, and
     * started in a session and process group of its own ({@link LocalCommandRunner}), so that it and
     * everything it starts can be stopped together. Only for commands that end with their task
     * (install, build), never for a site's app: the next run stops what a dead run left marked.
     */
    public Command inRun(String runId) {
        var env = new LinkedHashMap<>(environment);
        env.put(RUN_MARKER, runId);
        return withEnvironment(env);
    }

    /** The run this command is tied to ({@link #inRun}), if any. */
    public Optional<String> runId() {
        return Optional.ofNullable(environment.get(RUN_MARKER));
    }

    public Command as(RunAs user) {
        return new Command(argv, workingDir, environment, Optional.of(user), timeout, outputFile);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, workingDir, environment, runAs, limit, outputFile);
    }

    public Command withOutputTo(Path file) {
        return new Command(argv, workingDir, environment, runAs, timeout, Optional.of(file));
    }

    /** The argument vector, quoted for reading (never the environment, which may hold secrets). */
    public String display() {
        String words = argv.stream().map(Command::quote).collect(Collectors.joining(" "));
        return runAs.map(user -> words + " (as " + user + ")").orElse(words);
    }

    @Override
    public String toString() {
        return display();
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
