package dev.alive.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Runs a unit's work while holding its lock, beating its heartbeat; a held lock gives {@link UnitResult.Locked}.
 * The work gets the {@link HeldLock}: the owner its commits are fenced by, marked lost (and its tasks
 * interrupted) when the heartbeat finds the lock taken over.
 * A lock that cannot be released once the work has ended (the store lost just then) does not replace
 * what the work did: its heartbeat has stopped, so the next run takes it over once it is stale.
 */
final class LockedSection {

    private final UnitLocks locks;
    private final Duration heartbeatInterval;
    private final Duration staleAfter;
    private final Clock clock;

    LockedSection(UnitLocks locks, EngineOptions options) {
        this.locks = locks;
        this.heartbeatInterval = options.heartbeatInterval();
        this.staleAfter = options.staleLockAfter();
        this.clock = options.clock();
    }

    UnitResult run(ScheduledExecutorService ticker, String unit, String runId, Duration lockWait,
            Function<HeldLock, UnitResult> work) {
        HeldLock lock;
        try {
            lock = new HeldLock(unit, locks.acquire(unit, runId, lockWait));
        } catch (UnitLockedException locked) {
            return new UnitResult.Locked(unit, locked);
        }
        var heartbeat = Heartbeat.start(ticker, locks, lock, heartbeatInterval, staleAfter, clock);
        UnitResult result;
        try {
            result = work.apply(lock);
        } catch (RuntimeException | Error e) {
            heartbeat.close();
            release(lock).ifPresent(e::addSuppressed);
            throw e;
        }
        heartbeat.close();
        release(lock);
        return result;
    }

    private Optional<RuntimeException> release(HeldLock lock) {
        try {
            locks.release(lock.unit(), lock.owner());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }
}
