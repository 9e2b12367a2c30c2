package dev.alive.engine;

import dev.alive.engine.store.LockOwner;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** Runs a unit's work while holding its lock, beating its heartbeat; a held lock gives {@link UnitResult.Locked}. */
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
        try {
            return work.get();
        } finally {
            heartbeat.close();
            locks.release(unit, owner);
        }
    }
}
