package dev.alive.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** Runs a unit's work while holding its lock, beating its heartbeat; a held lock gives {@link UnitResult.Locked}. */
final class LockedSection {

    private LockedSection() {
    }

    static UnitResult run(EngineParts parts, ScheduledExecutorService ticker, String unit, String runId,
            Duration lockWait, Supplier<UnitResult> work) {
        LockOwner owner;
        try {
            owner = parts.locks().acquire(unit, runId, lockWait);
        } catch (UnitLockedException locked) {
            return new UnitResult.Locked(unit, locked);
        }
        var heartbeat = Heartbeat.start(ticker, parts.locks(), unit, owner, parts.options().heartbeatInterval());
        try {
            return work.get();
        } finally {
            heartbeat.close();
            parts.locks().release(unit, owner);
        }
    }
}
