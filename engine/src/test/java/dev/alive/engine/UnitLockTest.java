package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.InMemoryStateStore;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitLockTest {

    @TempDir
    Path temp;

    private Harness h;
    private final long livePid = ProcessHandle.current().pid();

    @BeforeEach
    void setUp() {
        h = new Harness(temp);
        h.fakes.unit("a").task("x").task("y", dependsOn("x"));
    }

    @Test
    void aSecondRunOfALockedUnitIsRefusedNamingTheHolder() {
        var holder = h.store.tryLock("a", new LockOwner("test-host", livePid, "other-run", Instant.now()));

        var result = h.applyAll(ApplyOptions.defaults());

        assertThat(result.anyLocked()).isTrue();
        var locked = (UnitResult.Locked) result.units().get(0);
        assertThat(locked.holder()).isEqualTo(holder);
        assertThat(locked.error()).hasMessageStartingWith("a is locked by run other-run (pid " + livePid + " on test-host");
        assertThat(h.fakes.log()).isEmpty();
        assertThat(h.store.runs("a", 10)).isEmpty();
    }

    @Test
    void aLiveHolderOnAnotherHostIsRefusedEvenWithADeadLookingPid() throws Exception {
        h.store.tryLock("a", new LockOwner("elsewhere", DeadProcess.pid(), "other-run", Instant.now()));

        assertThat(h.applyAll(ApplyOptions.defaults()).anyLocked()).isTrue();
    }

    @Test
    void aLockHeldByADeadProcessOnThisHostIsTakenOver() throws Exception {
        h.store.tryLock("a", new LockOwner("test-host", DeadProcess.pid(), "dead-run", Instant.now()));

        var result = h.apply();

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(h.store.lockHolder("a")).isEmpty();
    }

    @Test
    void aLockThatCannotBeReleasedAfterTheRunKeepsTheRunsResultAndIsTakenOverOnceStale() {
        var memory = new InMemoryStateStore();
        var lostAtTheEnd = new ForwardingStateStore(memory) {
            @Override
            public void unlock(String unit, LockOwner owner) {
                throw new IllegalStateException("connection lost");
            }
        };
        var stalesFast = Harness.options(temp).withLockTiming(Duration.ofMillis(200), Duration.ofMillis(50));
        var broken = new Harness(lostAtTheEnd, stalesFast);
        broken.fakes.unit("a").task("x");

        assertThat(broken.apply().outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(memory.lockHolder("a")).isPresent();

        sleep(400);
        var next = new Harness(memory, stalesFast);
        next.fakes.unit("a").task("x");
        assertThat(next.apply().outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void aLockWhoseHeartbeatIsStaleIsTakenOverWhateverItsHost() {
        h.store.tryLock("a", new LockOwner("elsewhere", 1, "stale-run", Instant.now().minus(Duration.ofMinutes(5))));

        assertThat(h.apply().outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void waitsForALiveHolderUpToTheGivenTime() {
        var holder = h.store.tryLock("a", new LockOwner("test-host", livePid, "other-run", Instant.now()));
        CompletableFuture.runAsync(() -> {
            sleep(300);
            h.store.unlock("a", holder);
        });

        var result = h.apply(ApplyOptions.defaults().withLockWait(Duration.ofSeconds(10)));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void givesUpWaitingAfterTheGivenTime() {
        h.store.tryLock("a", new LockOwner("test-host", livePid, "other-run", Instant.now()));
        long start = System.nanoTime();

        var result = h.applyAll(ApplyOptions.defaults().withLockWait(Duration.ofMillis(300)));

        assertThat(result.anyLocked()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void theHeartbeatIsRefreshedWhileTheRunGoesOn() {
        var beats = new CopyOnWriteArrayList<Instant>();
        h.fakes.task("a/x").onRun(context -> {
            for (int i = 0; i < 4; i++) {
                beats.add(h.store.lockHolder("a").orElseThrow().heartbeat());
                Thread.sleep(80);
            }
        });

        h.apply();

        assertThat(beats.get(3)).isAfter(beats.get(0));
    }

    @Test
    void theLockIsReleasedAfterAFailedRunToo() {
        h.fakes.task("a/y").failing(true);

        h.apply();

        assertThat(h.store.lockHolder("a")).isEmpty();
    }

    @Test
    void theLockNamesThisProcessAndTheRun() {
        var seen = new CopyOnWriteArrayList<LockOwner>();
        h.fakes.task("a/x").onRun(context -> seen.add(h.store.lockHolder("a").orElseThrow()));

        var result = h.apply();

        assertThat(seen.get(0).runId()).isEqualTo(result.runId());
        assertThat(seen.get(0).pid()).isEqualTo(livePid);
        assertThat(seen.get(0).host()).isEqualTo("test-host");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
