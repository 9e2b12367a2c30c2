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
                var exit = process.waitFor();
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
