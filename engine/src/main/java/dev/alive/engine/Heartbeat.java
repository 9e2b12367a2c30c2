package dev.alive.engine;

import dev.alive.engine.store.LockOwner;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Refreshes a held lock's heartbeat on a scheduled thread until closed. */
final class Heartbeat implements AutoCloseable {

    private final ScheduledFuture<?> beating;

    private Heartbeat(ScheduledFuture<?> beating) {
        this.beating = beating;
    }

    static Heartbeat start(ScheduledExecutorService ticker, UnitLocks locks, String unit, LockOwner owner, Duration every) {
        long millis = Math.max(1, every.toMillis());
        return new Heartbeat(ticker.scheduleAtFixedRate(() -> {
            try {
                locks.beat(unit, owner);
            } catch (RuntimeException e) {
                // the store is briefly unavailable: the next beat tries again; the lock only goes
                // stale after several missed beats
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        beating.cancel(false);
    }
}
