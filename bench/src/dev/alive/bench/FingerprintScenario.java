package dev.alive.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3: runs {@link FingerprintProbe} in a JVM started with the options bin/alive starts
 * alive with (asked with {@code ALIVE_LAUNCHER_PRINT=1}), and turns its lines into results with the
 * targets: the re-check at least 20 times faster than the first fingerprint, and the first
 * fingerprint at no less than half of sha256sum's throughput.
 */
final class FingerprintScenario {

    private static final String NAME = "3 fingerprints";

    private final Bench bench;

    FingerprintScenario(Bench bench) {
        this.bench = bench;
    }

    void run() {
        var dir = bench.fixtures.root().resolve("fingerprint");
        var argv = new ArrayList<>(launcherJavaOptions());
        argv.addAll(List.of("-cp", bench.repo.resolve("cli/target/alive.jar") + ":" + System.getProperty("java.class.path"),
                FingerprintProbe.class.getName(), dir.toString(), String.valueOf(bench.options.files()),
                String.valueOf(bench.options.megabytes()), String.valueOf(bench.options.runs()),
                String.valueOf(bench.options.warmups())));
        dir.toFile().mkdirs();
        var run = CommandRun.run(dir, System.getenv(), argv).orFail();
        Fixtures.deleteTree(dir);
        Map<String, double[]> values = new HashMap<>();
        for (var line : run.stdout().lines().toList()) {
            var fields = line.split("\\|", -1);
            if (fields[0].equals("INFO")) {
                Bench.log("  tree: %s", fields[1]);
            } else if (fields[0].equals("RESULT")) {
                var numbers = fields[3].isEmpty() ? new double[0]
                        : java.util.Arrays.stream(fields[3].split(",")).mapToDouble(Double::parseDouble).toArray();
                values.put(fields[1], numbers);
                bench.add(new Result(NAME, fields[1], fields[2], numbers, -1, "", "", fields[4]));
            }
        }
        ratio("re-check speed-up (first / re-check)", values.get("first fingerprint, empty cache"),
                values.get("unchanged re-check, warm cache"), ">= 20x", 20, "in-memory cache, wall");
        ratio("re-check speed-up, CPU", values.get("first fingerprint, CPU"), values.get("unchanged re-check, CPU"),
                "", 0, "in-memory cache, CPU of all threads");
        ratio("re-check speed-up, SQLite cache", values.get("first fingerprint, SQLite cache"),
                values.get("unchanged re-check, SQLite cache"), "", 0, "wall");
        ratio("throughput vs sha256sum (sha256sum / first)", values.get("sha256sum, same files"),
                values.get("first fingerprint, empty cache"), ">= 0.5x", 0.5, "1.0: as fast as sha256sum");
    }

    private void ratio(String metric, double[] slower, double[] faster, String target, double atLeast, String note) {
        if (slower == null || faster == null || slower.length != faster.length) {
            throw new IllegalStateException("the probe did not report " + metric);
        }
        var ratios = new double[slower.length];
        for (var i = 0; i < ratios.length; i++) {
            ratios[i] = faster[i] > 0 ? slower[i] / faster[i] : Double.NaN; // CPU time ticks are 10 ms
        }
        bench.add(new Result(NAME, metric, "x", ratios, -1, target,
                target.isEmpty() ? "" : Result.verdict(Result.median(ratios) >= atLeast), note + "; per run"));
    }

    /** The JVM options of bin/alive's java command line (everything before -jar). */
    List<String> launcherJavaOptions() {
        var printed = bench.alive.run(bench.repo, Map.of("ALIVE_LAUNCHER_PRINT", "1"), "--version").orFail().stdout();
        var lines = printed.lines().toList();
        var options = new ArrayList<String>();
        options.add(Path.of(lines.get(0)).toString());
        for (var line : lines.subList(1, lines.size())) {
            if (line.equals("-jar")) {
                break;
            }
            options.add(line);
        }
        return options;
    }
}
