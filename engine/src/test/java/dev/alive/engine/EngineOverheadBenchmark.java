package dev.alive.engine;

import dev.alive.engine.store.InMemoryStateStore;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;

/**
 * Not a test: measures the engine's own overhead for a 1,000-task graph where everything is up to
 * date (in-memory store, value inputs, upstream reads). Target: under 200 ms.
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$JGRAPHT dev.alive.engine.EngineOverheadBenchmark [units]</pre>
 */
public final class EngineOverheadBenchmark {

    private static final int TASKS = 1_000;
    private static final int WARMUPS = 5;
    private static final int MEASURED = 11;

    private EngineOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        var fakes = new FakeGraph();
        var random = new Random(42);
        int perUnit = TASKS / units;
        for (int u = 0; u < units; u++) {
            var unit = fakes.unit("unit" + u);
            for (int t = 0; t < perUnit; t++) {
                unit.task("t" + t);
                var task = fakes.task("unit" + u + "/t" + t);
                task.input("version", "1").input("name", "t" + t).output("out", "value of t" + t);
                for (int d = Math.max(0, t - 5); d < t; d++) {
                    if (random.nextInt(3) == 0) {
                        task.reads("in" + d, "t" + d, "out");
                    }
                }
            }
        }
        var graph = fakes.graph();
        var engine = Engine.create(new InMemoryStateStore(),
                EngineOptions.defaults().withWorkDir(Files.createTempDirectory("alive-bench")));
        var first = engine.apply(graph, ApplyOptions.defaults(), RunListener.NONE);
        check(first.succeeded(), "first apply failed");

        var millis = new double[MEASURED];
        for (int i = 0; i < WARMUPS + MEASURED; i++) {
            long start = System.nanoTime();
            var result = engine.apply(graph, ApplyOptions.defaults(), RunListener.NONE);
            long elapsed = System.nanoTime() - start;
            check(result.finished().stream().allMatch(unit -> unit.ran().isEmpty()), "something ran");
            if (i >= WARMUPS) {
                millis[i - WARMUPS] = elapsed / 1e6;
            }
        }
        long planStart = System.nanoTime();
        check(!engine.plan(graph).hasChanges(), "plan found changes");
        double planMillis = (System.nanoTime() - planStart) / 1e6;
        Arrays.sort(millis);
        System.out.printf("%d tasks in %d unit(s), all up to date: apply median %.1f ms (min %.1f, max %.1f) over %d runs;"
                + " one plan %.1f ms%n", perUnit * units, units, millis[MEASURED / 2], millis[0], millis[MEASURED - 1],
                MEASURED, planMillis);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
