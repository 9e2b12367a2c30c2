package dev.alive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Scenario 7: {@link SoakProbe} in a JVM started with bin/alive's options applies one site of the
 * fleet's template (install, build, the tiny server; no proxy) {@code --soak} times, every other
 * apply after a template edit, through deploy's HostOperations in process (1,000 JVM starts would
 * measure the JVM, not the store). Reported after 10, 100 and 1,000 applies (those up to --soak,
 * and --soak itself): the SQLite file's size and the rows of each alive_ table. The target: no run
 * beyond keepRuns (50) other than those holding committed state.
 */
final class SoakScenario {

    private static final String NAME = "7 store soak";

    private final Bench bench;

    SoakScenario(Bench bench) {
        this.bench = bench;
    }

    void run() {
        var dir = bench.fixtures.root().resolve("soak");
        bench.fixtures.fleet(dir, "soak.test", 1, true);
        Fixtures.host(dir, Fixtures.freeRange(4), Fixtures.noProxy());
        var applies = bench.options.soak();
        var checkpoints = new TreeSet<Integer>();
        for (var n : List.of(10, 100, 1000)) {
            if (n <= applies) {
                checkpoints.add(n);
            }
        }
        checkpoints.add(applies);
        var argv = new ArrayList<>(new FingerprintScenario(bench).launcherJavaOptions());
        argv.addAll(List.of("-cp", bench.repo.resolve("cli/target/alive.jar") + ":" + System.getProperty("java.class.path"),
                SoakProbe.class.getName(), dir.toString(), String.valueOf(applies),
                String.join(",", checkpoints.stream().map(String::valueOf).toList())));
        try {
            var run = CommandRun.run(dir, System.getenv(), argv).orFail();
            for (var line : run.stdout().lines().toList()) {
                var fields = line.split("\\|", -1);
                if (!fields[0].equals("RESULT")) {
                    continue;
                }
                var value = Double.parseDouble(fields[3]);
                var isTarget = fields[1].startsWith("runs beyond keepRuns");
                bench.add(new Result(NAME, fields[1], fields[2], new double[] {value}, -1, isTarget ? "0" : "",
                        isTarget ? Result.verdict(value == 0) : "", fields[4]));
            }
        } finally {
            Fixtures.stopEverythingUnder(dir);
            Fixtures.deleteTree(dir);
        }
    }
}
