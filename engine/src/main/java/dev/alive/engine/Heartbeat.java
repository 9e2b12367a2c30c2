package dev.alive.engine;

import dev.alive.engine.store.LockLostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes a held lock's heartbeat on a scheduled thread until closed. A beat that finds the lock
 * taken over, or beats that failed for longer than the lock takes to go stale (another run may have
 * taken it over unseen), mark the {@link HeldLock} lost, which stops the run's tasks.
 */
final class Heartbeat implements AutoCloseable {

    private final ScheduledFuture<?> beating;

    private Heartbeat(ScheduledFuture<?> beating) {
        this.beating = beating;
    }

    static Heartbeat start(ScheduledExecutorService ticker, UnitLocks locks, HeldLock lock, Duration every,
            Duration staleAfter, Clock clock) {
        long millis = Math.max(1, every.toMillis());
        var lastBeat = new Instant[] {clock.instant()};
        return new Heartbeat(ticker.scheduleAtFixedRate(() -> {
            if (lock.isLost()) {
                return;
            }
            try {
                if (locks.beat(lock.unit(), lock.owner())) {
                    lastBeat[0] = clock.instant();
                } else {
                    lock.markLost(new LockLostException(lock.unit(), lock.owner(), locks.holder(lock.unit())));
                }
            } catch (RuntimeException e) {
                // the store is briefly unavailable: the next beat tries again; the lock only goes
                // stale after several missed beats, and then this run gives it up
                var silent = Duration.between(lastBeat[0], clock.instant());
                if (silent.compareTo(staleAfter) > 0) {
                    lock.markLost(LockLostException.unconfirmed(lock.unit(), lock.owner(), silent));
                }
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        beating.cancel(false);
    }
}
