package dev.alive.engine;

import dev.alive.engine.store.InMemoryStateStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: times {@link TaskGraph#of} and a plan of a fleet-shaped graph (units of 12 tasks
 * wired like a site's, every task up to date, in-memory store), in this JVM after a warm-up. Run
 * it with bin/alive's JVM options to see what a fleet plan costs the engine per site:
 *
 * <pre>java -XX:TieredStopAtLevel=1 -cp engine/target/test-classes:engine/target/classes:$JGRAPHT \
 *     dev.alive.engine.FleetGraphBenchmark [units=500]</pre>
 */
public final class FleetGraphBenchmark {

    /** A site's tasks and what each depends on (as the tasks module wires them). */
    private static final String[][] SITE = {
            {"dns"}, {"account", "dns"}, {"port", "account"}, {"user", "account"}, {"env", "port", "user"},
            {"install", "user"}, {"service", "user"}, {"release", "install"}, {"build", "release"},
            {"activate", "build", "env", "service"}, {"health", "activate"}, {"register", "health"}};
    private static final int ROUNDS = 15;

    private FleetGraphBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        var fakes = new FakeGraph();
        for (int u = 0; u < units; u++) {
            var unit = fakes.unit(String.format(Locale.ROOT, "s%04d.fleet.bench.test", u));
            for (var task : SITE) {
                unit.task(task[0], Arrays.copyOfRange(task, 1, task.length));
            }
        }
        var tasks = fakes.graph().tasks();
        var engine = Engine.create(new InMemoryStateStore());
        check(engine.apply(fakes.graph(), ApplyOptions.defaults(), RunListener.NONE).succeeded(), "first apply failed");
        var graphMillis = new ArrayList<Double>();
        var planMillis = new ArrayList<Double>();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            var graph = TaskGraph.of(tasks);
            long built = System.nanoTime();
            check(!engine.plan(graph).hasChanges(), "plan found changes");
            long planned = System.nanoTime();
            graphMillis.add((built - start) / 1e6);
            planMillis.add((planned - built) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%d units x %d tasks: TaskGraph.of first %.1f ms, then median %.1f ms; "
                        + "plan first %.1f ms, then median %.1f ms (%.3f ms per unit)%n", units, SITE.length,
                graphMillis.get(0), median(graphMillis), planMillis.get(0), median(planMillis), median(planMillis) / units);
    }

    private static double median(List<Double> values) {
        var rest = new ArrayList<>(values.subList(1, values.size()));
        rest.sort(null);
        return rest.get(rest.size() / 2);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
