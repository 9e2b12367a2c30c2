package dev.alive.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.InMemoryStateStore;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of one unit: the first stalls (its heartbeat hangs) past the stale timeout, the second
 * takes the lock over. The first must stop its running task and must not commit, undo or finish.
 */
class LockFencingTest {

    private static final Duration STALE = Duration.ofMillis(400);

    @TempDir
    Path temp;

    private final InMemoryStateStore memory = new InMemoryStateStore();

    @Test
    void aRunWhoseLockWasTakenOverHasItsRunningTaskInterruptedAndCommitsNothing() throws Exception {
        var stall = new CountDownLatch(1);
        var task = new BlockingTask(TaskId.parse("a/build"), "stalled", true);
        var stalled = CompletableFuture.supplyAsync(() -> apply(stalledHeartbeat(stall), task));
        assertThat(task.started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(STALE.toMillis() * 2);

        var rescuer = apply(memory, new BlockingTask(TaskId.parse("a/build"), "rescuer", false));
        stall.countDown(); // the stalled process wakes up: its next beat finds the lock gone

        var lost = stalled.get(10, TimeUnit.SECONDS);
        assertThat(rescuer.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(rescuer.recovered()).extracting(RecoveredRun::runId).containsExactly(lost.runId());
        assertThat(task.interrupted).isTrue();
        assertThat(lost.outcome()).isEqualTo(RunOutcome.RUNNING);
        assertThat(lost.summary()).contains("run " + lost.runId() + " lost the lock of a",
                "taken over, and released since", "committed nothing");
        assertThat(lost.undo().undone()).as("the rescuer undoes, not the stalled run").isEmpty();
        assertThat(memory.committed(TaskId.parse("a/build")).orElseThrow().outputs().get("by").value())
                .isEqualTo("rescuer");
        assertThat(memory.run(lost.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RECOVERED);
    }

    @Test
    void aRunThatNeverNoticedItsLockWasTakenOverCannotCommit() throws Exception {
        var stall = new CountDownLatch(1); // never released: the stalled run's heartbeat hangs to the end
        var task = new BlockingTask(TaskId.parse("a/build"), "stalled", false);
        task.release = new CountDownLatch(1);
        var stalled = CompletableFuture.supplyAsync(() -> apply(stalledHeartbeat(stall), task));
        assertThat(task.started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(STALE.toMillis() * 2);
        var rescuer = apply(memory, new BlockingTask(TaskId.parse("a/build"), "rescuer", false));

        task.release.countDown(); // the stalled task finishes as if nothing happened, and tries to commit
        var lost = stalled.get(10, TimeUnit.SECONDS);

        assertThat(rescuer.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(lost.outcome()).isEqualTo(RunOutcome.RUNNING);
        assertThat(lost.summary()).contains("lost the lock of a");
        assertThat(task.undone).as("its undo belongs to the rescuer").isFalse();
        assertThat(memory.committed(TaskId.parse("a/build")).orElseThrow().outputs().get("by").value())
                .isEqualTo("rescuer");
        stall.countDown();
    }

    private UnitResult.Finished apply(StateStore store, Task task) {
        var options = Harness.options(temp).withLockTiming(STALE, Duration.ofMillis(50));
        return (UnitResult.Finished) Engine.create(store, options)
                .apply(TaskGraph.of(List.of(task)), ApplyOptions.defaults(), RunListener.NONE).units().get(0);
    }

    /** The store as a stalled process sees it: its heartbeats hang until {@code stall} opens. */
    private StateStore stalledHeartbeat(CountDownLatch stall) {
        return new ForwardingStateStore(memory) {
            @Override
            public boolean heartbeat(String unit, LockOwner owner) {
                try {
                    stall.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.heartbeat(unit, owner);
            }
        };
    }

    /** Records who ran it; optionally blocks until interrupted, or until {@link #release} opens. */
    private static final class BlockingTask implements Task {
        final TaskId id;
        final String by;
        final boolean blocks;
        final CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch release;
        volatile boolean interrupted;
        volatile boolean undone;
        final AtomicBoolean ran = new AtomicBoolean();

        BlockingTask(TaskId id, String by, boolean blocks) {
            this.id = id;
            this.by = by;
            this.blocks = blocks;
        }

        @Override
        public TaskId id() {
            return id;
        }

        @Override
        public Set<TaskId> dependsOn() {
            return Set.of();
        }

        @Override
        public List<Input> inputs() {
            return List.of(Input.value("by", by));
        }

        @Override
        public Map<String, Output> run(TaskContext context) throws Exception {
            ran.set(true);
            started.countDown();
            try {
                if (blocks) {
                    Thread.sleep(60_000);
                } else if (release != null) {
                    release.await();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                throw e;
            }
            return Map.of("by", Output.value(by));
        }

        @Override
        public void undo(UndoContext context) {
            undone = true;
        }
    }
}
