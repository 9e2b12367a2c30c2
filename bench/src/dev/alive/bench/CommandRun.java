package dev.alive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One process run as a user would start it, timed: wall clock from here, user and system CPU and
 * peak RSS from GNU time ({@code /usr/bin/time}) when the machine has it.
 */
record CommandRun(List<String> argv, int exitCode, double wallSeconds, double cpuSeconds, long peakRssKb,
                  String stdout, String stderr) {

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** The command running now, for {@link #stopRunning} (the benchmark runs one at a time). */
    private static final java.util.concurrent.atomic.AtomicReference<Process> RUNNING =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Stops the command running now and everything it started that is still its descendant
     * (GNU time, bin/alive, alive's JVM, npm...): SIGTERM, then SIGKILL after 30 s. For an
     * interrupted benchmark; site processes left their tree and are stopped by their pid files.
     */
    static void stopRunning() {
        var process = RUNNING.getAndSet(null);
        if (process == null || !process.isAlive()) {
            return;
        }
        var tree = new ArrayList<ProcessHandle>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        var deadline = System.nanoTime() + 30_000_000_000L;
        for (var handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    static CommandRun run(Path workingDir, Map<String, String> environment, List<String> argv) {
        try {
            var scratch = Files.createTempDirectory("alive-bench-run");
            try {
                var timeFile = scratch.resolve("time");
                var command = new ArrayList<String>();
                var timed = Files.isExecutable(GNU_TIME);
                if (timed) {
                    command.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", timeFile.toString()));
                }
                command.addAll(argv);
                var builder = new ProcessBuilder(command).directory(workingDir.toFile())
                        .redirectOutput(scratch.resolve("out").toFile()).redirectError(scratch.resolve("err").toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().clear();
                builder.environment().putAll(environment);
                var start = System.nanoTime();
                var process = builder.start();
                RUNNING.set(process);
                var exit = process.waitFor();
                RUNNING.compareAndSet(process, null);
                var wall = (System.nanoTime() - start) / 1e9;
                var cpu = Double.NaN;
                var rss = -1L;
                if (timed && Files.exists(timeFile)) {
                    var lines = Files.readAllLines(timeFile);
                    var fields = lines.get(lines.size() - 1).trim().split(" ");
                    cpu = Double.parseDouble(fields[0]) + Double.parseDouble(fields[1]);
                    rss = Long.parseLong(fields[2]);
                }
                return new CommandRun(List.copyOf(argv), exit, wall, cpu, rss, Files.readString(scratch.resolve("out")),
                        Files.readString(scratch.resolve("err")));
            } finally {
                Fixtures.deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** This run, or a failure naming the command, its exit code and the end of its output. */
    CommandRun orFail() {
        if (exitCode != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited with " + exitCode + "\n" + tail(stdout)
                    + tail(stderr));
        }
        return this;
    }

    private static String tail(String text) {
        var lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())) + "\n";
    }
}
