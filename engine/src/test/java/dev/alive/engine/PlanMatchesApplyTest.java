package dev.alive.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.PlannedTask.Action;
import dev.alive.engine.task.TaskId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: for random graphs with random changes, apply does what plan said — a RUN task runs
 * with the same reasons, an UP_TO_DATE task is skipped, a KNOWN_AFTER_APPLY task runs only because
 * an input plan could not know changed, and a REMOVED task's state is gone. Fixed seeds.
 */
class PlanMatchesApplyTest {

    private static final int GRAPHS = 50;

    @TempDir
    Path temp;

    private final Map<Action, Integer> seen = new EnumMap<>(Action.class);

    @Test
    void applyDoesWhatPlanSaidForRandomGraphsAndChanges() {
        for (long seed = 1; seed <= GRAPHS; seed++) {
            checkOne(seed);
        }
        assertThat(seen.keySet()).as("every action occurs somewhere").containsExactlyInAnyOrder(Action.values());
    }

    private void checkOne(long seed) {
        var random = new Random(seed);
        var h = new Harness(temp.resolve("work-" + seed));
        var names = randomGraph(random, h.fakes);
        h.applyAll(ApplyOptions.defaults());
        if (random.nextInt(3) == 0) {
            failedAttempt(random, h, names);
        }
        var forced = randomChanges(random, h, names);

        var plan = h.engine.plan(h.fakes.graph(), forced);
        var applied = h.applyAll(ApplyOptions.defaults().withForced(forced));

        var context = "seed " + seed + ", plan " + plan;
        assertThat(applied.succeeded()).as(context).isTrue();
        for (var planned : plan.tasks()) {
            seen.merge(planned.action(), 1, Integer::sum);
            var ran = h.fakes.logOf("run").contains(planned.task().toString());
            var applyReasons = h.listener.reasons.getOrDefault(planned.task(), List.of());
            switch (planned.action()) {
                case RUN -> {
                    assertThat(ran).as(context + ": " + planned.task() + " should run").isTrue();
                    assertThat(applyReasons).as(context).containsAll(knownReasons(planned));
                    assertThat(applyReasons.stream().filter(r -> !knownReasons(planned).contains(r)))
                            .as(context).allMatch(r -> isUnknownInputChange(r, planned));
                }
                case UP_TO_DATE -> assertThat(ran).as(context + ": " + planned.task() + " should skip").isFalse();
                case KNOWN_AFTER_APPLY -> assertThat(applyReasons).as(context)
                        .allMatch(r -> isUnknownInputChange(r, planned));
                case REMOVED -> assertThat(h.store.committed(planned.task())).as(context).isEmpty();
            }
        }
    }

    private static List<String> knownReasons(PlannedTask planned) {
        return planned.reasons().stream().filter(r -> !r.endsWith(" known after apply")).toList();
    }

    private static boolean isUnknownInputChange(String reason, PlannedTask planned) {
        return planned.reasons().stream()
                .filter(r -> r.endsWith(" known after apply"))
                .map(r -> r.replace(" known after apply", " changed"))
                .anyMatch(reason::equals);
    }

    /** One or two units of 3-10 tasks; each depends on (and may read) earlier tasks of its unit. */
    private static List<String> randomGraph(Random random, FakeGraph fakes) {
        var ids = new ArrayList<String>();
        int units = 1 + random.nextInt(2);
        for (int u = 0; u < units; u++) {
            var unit = "u" + u;
            var builder = fakes.unit(unit);
            int size = 3 + random.nextInt(8);
            for (int t = 0; t < size; t++) {
                builder.task("t" + t);
                var task = fakes.task(unit + "/t" + t);
                task.input("v", "0");
                for (int d = 0; d < t; d++) {
                    if (random.nextInt(4) == 0) {
                        if (random.nextBoolean()) {
                            task.reads("in" + d, "t" + d, "out");
                        } else {
                            task.dependsOn("t" + d);
                        }
                    }
                }
                if (random.nextBoolean()) {
                    task.output("out", "fixed-" + t); // reproduces its outputs: known before the run
                }
                ids.add(unit + "/t" + t);
            }
        }
        return ids;
    }

    private static void failedAttempt(Random random, Harness h, List<String> ids) {
        var victim = ids.get(random.nextInt(ids.size()));
        h.fakes.task(victim).failing(true);
        h.applyAll(ApplyOptions.defaults().withForced(Set.of(TaskId.parse(victim))));
        h.fakes.task(victim).failing(false);
    }

    private static Set<TaskId> randomChanges(Random random, Harness h, List<String> ids) {
        var forced = new java.util.HashSet<TaskId>();
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            var target = h.fakes.task(ids.get(random.nextInt(ids.size())));
            switch (random.nextInt(5)) {
                case 0, 1 -> target.input("v", "changed-" + i);
                case 2 -> forced.add(target.id());
                case 3 -> target.drifting("drifted " + i);
                default -> removeALeaf(h, ids, target);
            }
        }
        return forced;
    }

    private static void removeALeaf(Harness h, List<String> ids, FakeTask target) {
        var graph = h.fakes.graph();
        if (graph.dependents(target.id()).isEmpty() && graph.tasksOf(target.id().unit()).size() > 1) {
            h.fakes.remove(target.id().toString());
            ids.remove(target.id().toString());
        }
    }
}
