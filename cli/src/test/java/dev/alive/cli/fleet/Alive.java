package dev.alive.cli.fleet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs alive in its own JVM, as an operator would: {@code java -jar alive.jar ...} when the system
 * property {@code alive.jar} names the jar, else {@code java -cp <this test's class path>
 * dev.alive.cli.Main ...} (the same classes, and never a jar left over from an older build). JVM
 * flags are kept lean for many JVMs on few cores. Each process starts from a clean environment
 * (PATH, HOME, NO_COLOR and what {@link #with} adds); its stdout and stderr go to files in
 * {@code logs/}.
 */
final class Alive {
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-XX:CICompilerCount=1", "-Xss512k");
    static final String OWNER_PASSWORD = "fleet-owner-password-1";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path workingDir;
    private final Map<String, String> env;

    private Alive(Path workingDir, Map<String, String> env) {
        this.workingDir = workingDir;
        this.env = env;
    }

    /** alive in {@code workingDir}, with a new owner's password and the example sites' health delay of 0. */
    static Alive in(Path workingDir) {
        var env = new HashMap<String, String>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", workingDir.toString());
        env.put("NO_COLOR", "1");
        env.put("ALIVE_OWNER_PASSWORD", OWNER_PASSWORD);
        env.put(Fleet.HEALTH_DELAY_VARIABLE, "0");
        return new Alive(workingDir, env);
    }

    /** The same, with one more (or another) environment variable; null removes it. */
    Alive with(String name, String value) {
        var copy = new HashMap<>(env);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Alive(workingDir, copy);
    }

    Running start(String... args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        var jar = System.getProperty("alive.jar");
        if (jar != null && !jar.isBlank()) {
            command.add("-jar");
            command.add(jar);
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("dev.alive.cli.Main");
        }
        command.addAll(List.of(args));
        try {
            var logs = Files.createDirectories(workingDir.resolve("logs"));
            var name = String.format("%03d-%s", SEQUENCE.incrementAndGet(), args.length == 0 ? "alive" : args[0]);
            var out = logs.resolve(name + ".out");
            var err = logs.resolve(name + ".err");
            var builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            return new Running(String.join(" ", args), builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts alive and waits for it to end. */
    Running.Outcome run(Duration timeout, String... args) {
        return start(args).await(timeout);
    }

    Running.Outcome run(String... args) {
        return run(Duration.ofMinutes(2), args);
    }
}
