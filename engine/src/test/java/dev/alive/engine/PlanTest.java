package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.PlannedTask.Action;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {

    @TempDir
    Path temp;

    private Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(temp);
        h.fakes.unit("a").task("x").task("y").task("z").task("w");
        h.fakes.task("a/x").input("v", "1");
        h.fakes.task("a/y").reads("in", "x", "out");
        h.fakes.task("a/z").reads("in", "y", "out");
        h.fakes.task("a/w").input("v", "w");
    }

    @Test
    void aFirstPlanRunsEverythingMarkedPlus() {
        var plan = h.plan();

        assertThat(plan.tasks()).allSatisfy(task -> {
            assertThat(task.action()).isEqualTo(Action.RUN);
            assertThat(task.symbol()).isEqualTo("+");
            assertThat(task.reasons()).startsWith("no committed state");
        });
        assertThat(plan.hasChanges()).isTrue();
    }

    @Test
    void planRunsNothingAndRecordsNothing() {
        h.plan();

        assertThat(h.fakes.log()).isEmpty();
        assertThat(h.store.runs("a", 10)).isEmpty();
        assertThat(h.store.lockHolder("a")).isEmpty();
    }

    @Test
    void afterApplyEverythingIsUpToDate() {
        h.apply();

        var plan = h.plan();

        assertThat(plan.tasks()).extracting(PlannedTask::action).containsOnly(Action.UP_TO_DATE);
        assertThat(plan.hasChanges()).isFalse();
    }

    @Test
    void readersOfAnOutputKnownOnlyAfterTheRunAreKnownAfterApply() {
        h.apply();
        h.fakes.task("a/x").input("v", "2");

        var plan = h.plan();

        assertThat(plan.task(id("a/x")).orElseThrow()).satisfies(x -> {
            assertThat(x.action()).isEqualTo(Action.RUN);
            assertThat(x.symbol()).isEqualTo("~");
            assertThat(x.reasons()).containsExactly("input 'v' changed");
        });
        assertThat(plan.task(id("a/y")).orElseThrow()).satisfies(y -> {
            assertThat(y.action()).isEqualTo(Action.KNOWN_AFTER_APPLY);
            assertThat(y.reasons()).containsExactly("input 'in' known after apply");
        });
        assertThat(plan.task(id("a/z")).orElseThrow().action()).isEqualTo(Action.KNOWN_AFTER_APPLY);
        assertThat(plan.units().get(0).withAction(Action.UP_TO_DATE)).extracting(PlannedTask::task)
                .containsExactly(id("a/w"));
    }

    @Test
    void aTaskWithOtherReasonsRunsAndAlsoNamesItsUnknownInputs() {
        h.apply();
        h.fakes.task("a/x").input("v", "2");
        h.fakes.task("a/y").input("own", "1");

        var y = h.plan().task(id("a/y")).orElseThrow();

        assertThat(y.action()).isEqualTo(Action.RUN);
        assertThat(y.reasons()).containsExactly("input 'own' is new", "input 'in' known after apply");
    }

    @Test
    void readersOfATaskThatReproducesItsOutputsStayUpToDate() {
        h.fakes.task("a/x").output("out", "stable");
        h.apply();
        h.fakes.task("a/x").input("v", "2");

        var plan = h.plan();

        assertThat(plan.task(id("a/x")).orElseThrow().action()).isEqualTo(Action.RUN);
        assertThat(plan.task(id("a/y")).orElseThrow().action()).isEqualTo(Action.UP_TO_DATE);
    }

    @Test
    void aTaskNoLongerInTheGraphIsRemoved() {
        h.apply();
        h.fakes.remove("a/w");

        var removed = h.plan().task(id("a/w")).orElseThrow();

        assertThat(removed.action()).isEqualTo(Action.REMOVED);
        assertThat(removed.symbol()).isEqualTo("-");
    }

    @Test
    void forcedTasksArePlannedToRun() {
        h.apply();

        var plan = h.engine.plan(h.fakes.graph(), Set.of(id("a/w")));

        assertThat(plan.task(id("a/w")).orElseThrow().reasons()).containsExactly("forced");
    }

    @Test
    void theCurrentLockHolderIsShown() {
        var holder = h.store.tryLock("a", new LockOwner("elsewhere", 42, "other-run", Instant.now()));

        assertThat(h.plan().units().get(0).lockHolder()).contains(holder);
    }

    @Test
    void theRunOfALiveHolderIsNotADeadRunToRecover() {
        h.apply();
        var asking = new LockOwner("test-host", ProcessHandle.current().pid(), "live-run", Instant.now());
        h.store.beginRun(new RunRecord("live-run", "a", RunKind.APPLY, "test-host", asking.pid(), Instant.now(), null,
                RunOutcome.RUNNING, null));
        h.store.appendJournal(new JournalEntry("live-run", 1, id("a/w"), JournalEntry.Kind.STARTED, null, null, null,
                Instant.now()));
        var live = h.store.tryLock("a", asking);

        var unit = h.plan().units().get(0);

        assertThat(unit.unfinishedRuns()).isEmpty();
        assertThat(unit.lockHolder()).contains(live);
        assertThat(unit.hasChanges()).isFalse();
    }

    @Test
    void planListsUnitsWithTheirTasksInTopologicalOrder() {
        h.fakes.unit("b").task("second", dependsOn("first")).task("first");

        var plan = h.plan();

        assertThat(plan.units()).extracting(UnitPlan::unit).containsExactly("a", "b");
        assertThat(plan.units().get(1).tasks()).extracting(PlannedTask::task)
                .containsExactly(id("b/first"), id("b/second"));
    }
}
