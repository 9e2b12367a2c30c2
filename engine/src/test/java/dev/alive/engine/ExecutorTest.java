package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.InMemoryStateStore;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorTest {

    @TempDir
    Path temp;

    private Harness h;

    @BeforeEach
    void setUp() {
        h = new Harness(temp.resolve("work"));
    }

    @Test
    void independentTasksRunConcurrentlyWhileTheirDependentWaits() {
        h.fakes.unit("a").task("x").task("y").task("z", dependsOn("x", "y"));
        var bothRunning = new CyclicBarrier(2);
        var finishedAt = new ConcurrentHashMap<String, Long>();
        var startedAt = new ConcurrentHashMap<String, Long>();
        for (var name : new String[] {"x", "y"}) {
            h.fakes.task("a/" + name).onRun(context -> {
                bothRunning.await(5, TimeUnit.SECONDS); // times out unless the other one runs at the same time
                finishedAt.put(name, System.nanoTime());
            });
        }
        h.fakes.task("a/z").onRun(context -> startedAt.put("z", System.nanoTime()));

        var result = h.apply(ApplyOptions.defaults().withParallelism(2));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(startedAt.get("z")).isGreaterThan(finishedAt.get("x")).isGreaterThan(finishedAt.get("y"));
    }

    @Test
    void runsNoMoreTasksAtOnceThanTheParallelism() {
        var unit = h.fakes.unit("a");
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            unit.task("t" + i);
            h.fakes.task("a/t" + i).onRun(context -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(40);
                running.decrementAndGet();
            });
        }

        h.apply(ApplyOptions.defaults().withParallelism(2));

        assertThat(most.get()).isLessThanOrEqualTo(2);
        assertThat(h.fakes.logOf("run")).hasSize(6);
    }

    @Test
    void aFleetTakesOnlyAFewUnitsAtOnceSoTheFirstOnesStartTheirTasksEarly() {
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();
        for (int i = 0; i < 24; i++) {
            h.fakes.unit("u" + i).task("t");
            h.fakes.task("u" + i + "/t").onRun(context -> Thread.sleep(5));
        }

        var result = h.engine.apply(h.fakes.graph(), ApplyOptions.defaults().withParallelism(1), new RunListener() {
            @Override
            public void runStarted(String unit, String runId) {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            }

            @Override
            public void runFinished(String unit, String runId, RunOutcome outcome, String summary) {
                inFlight.decrementAndGet();
            }
        });

        assertThat(result.units()).hasSize(24).allSatisfy(u -> assertThat(((UnitResult.Finished) u).outcome())
                .isEqualTo(RunOutcome.SUCCEEDED));
        assertThat(most.get()).isBetween(1, Engine.unitsInFlight(1));
    }

    @Test
    void aFailureUndoesCompletedTasksInReverseTopologicalOrderAndCommitsNothing() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x")).task("z", dependsOn("y")).task("after", dependsOn("z"));
        h.fakes.task("a/z").failing(true);

        var result = h.apply();

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(h.fakes.log()).containsExactly("run a/x", "run a/y", "run a/z", "undo a/z", "undo a/y", "undo a/x");
        assertThat(h.store.committedUnit("a")).isEmpty();
        assertThat(result.failure().orElseThrow().toString()).isEqualTo("a/z failed: a/z broke");
        assertThat(result.undo().undone()).containsExactly(id("a/z"), id("a/y"), id("a/x"));
        assertThat(result.summary()).isEqualTo("a/z failed: a/z broke; undone a/z, a/y, a/x");
        assertThat(h.store.run(result.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(h.listener.events).contains("failed a/z", "undone a/x", "finished a ROLLED_BACK");
    }

    @Test
    void eachUndoLearnsWhichTasksTheWalkStillUndoesAfterIt() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x")).task("w", dependsOn("x")).task("z", dependsOn("y", "w"));
        h.fakes.task("a/z").failing(true);
        var later = new ConcurrentHashMap<TaskId, java.util.Set<TaskId>>();
        for (var name : new String[] {"x", "y", "w", "z"}) {
            h.fakes.task("a/" + name).onUndo(context -> later.put(context.taskId(), context.laterUndos()));
        }

        h.apply();

        assertThat(later.get(id("a/z"))).containsExactlyInAnyOrder(id("a/y"), id("a/w"), id("a/x"));
        assertThat(h.fakes.logOf("undo")).containsExactly("a/z", "a/y", "a/w", "a/x");
        assertThat(later.get(id("a/y"))).containsExactlyInAnyOrder(id("a/w"), id("a/x"));
        assertThat(later.get(id("a/w"))).containsExactly(id("a/x"));
        assertThat(later.get(id("a/x"))).isEmpty();
    }

    @Test
    void aFailedRunLeavesTheCommittedStateAsItWas() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));
        h.fakes.task("a/x").input("v", "1");
        h.apply();
        var before = h.store.committedUnit("a");
        h.fakes.task("a/x").input("v", "2");
        h.fakes.task("a/y").failing(true).input("v", "2");

        h.apply();

        assertThat(h.store.committedUnit("a")).isEqualTo(before);
    }

    @Test
    void journalsEachStepAsItHappens() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));
        h.fakes.task("a/x").notes(Map.of("file", "/etc/x (absent)"));
        h.fakes.task("a/y").failing(true);

        var result = h.apply();

        assertThat(h.store.journal(result.runId()))
                .extracting(entry -> entry.kind() + " " + entry.taskId())
                .containsExactly("STARTED a/x", "UNDO_NOTE a/x", "SUCCEEDED a/x", "STARTED a/y", "FAILED a/y",
                        "UNDONE a/y", "UNDONE a/x");
        var succeeded = h.store.journal(result.runId()).get(2);
        assertThat(succeeded.pending().taskId()).isEqualTo(id("a/x"));
        assertThat(h.store.journal(result.runId()).get(0).detail()).isEqualTo("no committed state");
    }

    @Test
    void afterAFailureNothingNewIsLaunchedButRunningTasksAreAwaitedAndUndone() {
        h.fakes.unit("a").task("fails").task("slow").task("later", dependsOn("slow"));
        var slowStarted = new CountDownLatch(1);
        var failed = new CountDownLatch(1);
        h.fakes.task("a/slow").onRun(context -> {
            slowStarted.countDown();
            failed.await(5, TimeUnit.SECONDS);
            Thread.sleep(50);
        });
        h.fakes.task("a/fails").onRun(context -> slowStarted.await(5, TimeUnit.SECONDS)).failing(true);
        var result = h.engine.apply(h.fakes.graph(), ApplyOptions.defaults().withParallelism(2), new RunListener() {
            @Override
            public void taskFailed(TaskId task, java.time.Duration elapsed, Throwable error) {
                failed.countDown();
            }
        });

        var finished = (UnitResult.Finished) result.units().get(0);
        assertThat(h.fakes.logOf("run")).containsExactlyInAnyOrder("a/fails", "a/slow");
        assertThat(finished.undo().undone()).containsExactlyInAnyOrder(id("a/fails"), id("a/slow"));
        assertThat(finished.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
    }

    @Test
    void aCommitThatFailsIsRolledBackLikeAFailedTask() {
        var memory = new InMemoryStateStore();
        var broken = new ForwardingStateStore(memory) {
            @Override
            public void commit(String runId, java.util.Collection<TaskState> states,
                    java.util.Collection<TaskId> removed, String summary, LockOwner lock) {
                throw new IllegalStateException("disk full");
            }
        };
        var b = new Harness(broken, Harness.options(temp.resolve("w3")));
        b.fakes.unit("a").task("x").task("y", dependsOn("x"));

        var result = b.apply();

        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(result.summary()).isEqualTo("commit failed: disk full; undone a/y, a/x");
        assertThat(b.fakes.logOf("undo")).containsExactly("a/y", "a/x");
        assertThat(memory.committedUnit("a")).isEmpty();
        assertThat(memory.run(result.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
    }

    @Test
    void aFailingUndoGivesRollbackIncompleteAndTheOthersAreStillUndone() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x")).task("z", dependsOn("y"));
        h.fakes.task("a/y").failingUndo(true);
        h.fakes.task("a/z").failing(true);

        var all = h.applyAll(ApplyOptions.defaults());
        var result = (UnitResult.Finished) all.units().get(0);

        assertThat(all.rollbackIncomplete()).isTrue();
        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(h.fakes.logOf("undo")).containsExactly("a/z", "a/y", "a/x");
        assertThat(result.undo().undone()).containsExactly(id("a/z"), id("a/x"));
        assertThat(result.undo().leftBehind()).containsExactly(id("a/y"));
        assertThat(result.summary()).isEqualTo(
                "a/z failed: a/z broke; undone a/z, a/x; left behind: a/y (its undo failed: undo of a/y broke)");
        assertThat(h.store.journal(result.runId())).extracting(JournalEntry::kind).contains(JournalEntry.Kind.UNDO_FAILED);
        assertThat(h.listener.events).contains("undo failed a/y");
    }

    @Test
    void theNextRunFinishesAnIncompleteRollbackBeforeAnythingElse() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x")).task("z", dependsOn("y"));
        h.fakes.task("a/y").failingUndo(true);
        h.fakes.task("a/z").failing(true);
        var first = (UnitResult.Finished) h.applyAll(ApplyOptions.defaults()).units().get(0);
        assertThat(first.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(h.engine.plan(h.fakes.graph()).units().get(0).unfinishedRuns()).containsExactly(first.runId());

        h.fakes.task("a/y").failingUndo(false);
        h.fakes.task("a/z").failing(false);
        h.fakes.clearLog();
        var next = (UnitResult.Finished) h.applyAll(ApplyOptions.defaults()).units().get(0);

        assertThat(next.recovered()).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo(first.runId());
            assertThat(run.outcome()).isEqualTo(RunOutcome.RECOVERED);
        });
        assertThat(h.fakes.logOf("undo")).containsExactly("a/y");
        assertThat(h.fakes.log().indexOf("undo a/y")).isLessThan(h.fakes.log().indexOf("run a/x"));
        assertThat(next.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(h.store.run(first.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RECOVERED);
        assertThat(h.engine.plan(h.fakes.graph()).units().get(0).unfinishedRuns()).isEmpty();
    }

    @Test
    void undoGetsTheNotesItsRunRecorded() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));
        h.fakes.task("a/x").notes(Map.of("file", "/etc/site.env (absent)"));
        h.fakes.task("a/y").failing(true);

        h.apply();

        assertThat(h.fakes.task("a/x").undoNotesSeen).containsExactly(Map.of("file", "/etc/site.env (absent)"));
    }

    @Test
    void aNoteRecordedTwiceKeepsItsFirstValueTheStateBeforeTheRun() {
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));
        h.fakes.task("a/x").onRun(context -> {
            context.recordUndo("file", "absent");
            context.recordUndo("file", "written by this run");
        });
        h.fakes.task("a/y").failing(true);

        h.apply();

        assertThat(h.fakes.task("a/x").undoNotesSeen).containsExactly(Map.of("file", "absent"));
    }

    @Test
    void backupDirectoriesAreOwnerOnlyAndDeletedAtCommit() throws Exception {
        h.fakes.unit("a").task("x");
        var seen = new java.util.concurrent.atomic.AtomicReference<Path>();
        h.fakes.task("a/x").onRun(context -> {
            seen.set(context.backupDir());
            Files.writeString(context.backupDir().resolve("copy"), "old");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(context.backupDir())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(context.backupDir().getParent())))
                    .isEqualTo("rwx------");
        });

        var result = h.apply();

        assertThat(seen.get()).isEqualTo(temp.resolve("work/runs").resolve(result.runId()).resolve("x"));
        assertThat(seen.get().getParent()).doesNotExist();
    }

    @Test
    void unitsAreRunAndCommittedOnTheirOwn() {
        h.fakes.unit("a").task("x");
        h.fakes.unit("b").task("x");
        h.fakes.task("a/x").failing(true);

        var result = h.applyAll(ApplyOptions.defaults());

        assertThat(result.succeeded()).isFalse();
        assertThat(((UnitResult.Finished) result.unit("a").orElseThrow()).outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(((UnitResult.Finished) result.unit("b").orElseThrow()).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(h.store.committedUnit("b")).containsOnlyKeys(id("b/x"));
    }

    @Test
    void failFastStopsTheOtherUnitsAndRollsThemBack() {
        h.fakes.unit("a").task("x");
        h.fakes.unit("b").task("first").task("second", dependsOn("first"));
        var aRolledBack = new CountDownLatch(1);
        h.fakes.task("a/x").failing(true);
        h.fakes.task("b/first").onRun(context -> aRolledBack.await(5, TimeUnit.SECONDS));

        var result = h.engine.apply(h.fakes.graph(), ApplyOptions.defaults().withParallelism(2).withFailFast(true),
                new RunListener() {
                    @Override
                    public void runFinished(String unit, String runId, RunOutcome outcome, String summary) {
                        if (unit.equals("a")) {
                            aRolledBack.countDown();
                        }
                    }
                });

        var b = result.unit("b").orElseThrow();
        assertThat(h.fakes.logOf("run")).doesNotContain("b/second");
        if (b instanceof UnitResult.Finished finished) {
            assertThat(finished.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
            assertThat(finished.summary()).startsWith("stopped before every task ran");
        } else {
            assertThat(b).isInstanceOf(UnitResult.NotStarted.class);
        }
        assertThat(h.store.committedUnit("b")).isEmpty();
    }

    @Test
    void anInjectedFaultFailsTheTaskAfterItRan() {
        var faulty = new Harness(new InMemoryStateStore(), Harness.options(temp.resolve("w2"))
                .withFaults(FaultInjection.parse("a/y, undo:a/x")));
        faulty.fakes.unit("a").task("x").task("y", dependsOn("x"));

        var result = faulty.apply();

        assertThat(faulty.fakes.log()).containsExactly("run a/x", "run a/y", "undo a/y");
        assertThat(result.failure().orElseThrow().message()).isEqualTo("fault injected at a/y");
        assertThat(result.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(result.undo().problems()).containsExactly("a/x (its undo failed: fault injected at a/x)");
    }

    @Test
    void parsesFaultsFromOneLine() {
        var faults = FaultInjection.parse(" a/x ,undo:b/y,crash:c/z,");

        assertThat(faults.failRun()).containsExactly(id("a/x"));
        assertThat(faults.failUndo()).containsExactly(id("b/y"));
        assertThat(faults.crashAfterRun()).containsExactly(id("c/z"));
        assertThat(FaultInjection.parse("")).isEqualTo(FaultInjection.NONE);
        assertThat(FaultInjection.parse(null)).isEqualTo(FaultInjection.NONE);
    }
}
