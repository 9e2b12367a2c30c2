package dev.alive.engine;

import dev.alive.engine.store.LockOwner;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Runs a unit's work while holding its lock, beating its heartbeat; a held lock gives {@link UnitResult.Locked}.
 * A lock that cannot be released once the work has ended (the store lost just then) does not replace
 * what the work did: its heartbeat has stopped, so the next run takes it over once it is stale.
 */
final class LockedSection {

    private final UnitLocks locks;
    private final Duration heartbeatInterval;

    LockedSection(UnitLocks locks, Duration heartbeatInterval) {
        this.locks = locks;
        this.heartbeatInterval = heartbeatInterval;
    }

    UnitResult run(ScheduledExecutorService ticker, String unit, String runId, Duration lockWait,
            Supplier<UnitResult> work) {
        LockOwner owner;
        try {
            owner = locks.acquire(unit, runId, lockWait);
        } catch (UnitLockedException locked) {
            return new UnitResult.Locked(unit, locked);
        }
        var heartbeat = Heartbeat.start(ticker, locks, unit, owner, heartbeatInterval);
        UnitResult result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            heartbeat.close();
            release(unit, owner).ifPresent(e::addSuppressed);
            throw e;
        }
        heartbeat.close();
        release(unit, owner);
        return result;
    }

    private Optional<RuntimeException> release(String unit, LockOwner owner) {
        try {
            locks.release(unit, owner);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }
}
