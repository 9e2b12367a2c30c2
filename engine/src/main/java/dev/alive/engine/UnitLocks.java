package dev.alive.engine;

import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes a unit's lock for a run. A lock held by a dead run — same host and its pid is gone, or its
 * heartbeat is older than {@link EngineOptions#staleLockAfter()} — is taken over; one held by a live
 * run is waited for up to the given time, then refused with {@link UnitLockedException}. The owner
 * returned carries the generation the store gave this hold of the lock.
 */
final class UnitLocks {

    private static final Duration POLL = Duration.ofMillis(100);

    private final StateStore store;
    private final EngineOptions options;

    UnitLocks(StateStore store, EngineOptions options) {
        this.store = store;
        this.options = options;
    }

    LockOwner acquire(String unit, String runId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var owner = new LockOwner(options.hostName(), ProcessHandle.current().pid(), runId, options.clock().instant());
            var holder = store.tryLock(unit, owner);
            if (holder.runId().equals(runId)) {
                return holder;
            }
            if (isDead(holder)) {
                var taken = store.takeOverLock(unit, holder, owner);
                if (taken.isPresent()) {
                    return taken.get();
                }
            }
            if (System.nanoTime() - deadline >= 0 || !pause()) {
                throw new UnitLockedException(unit, holder);
            }
        }
    }

    /** Whether the holder's process is known to be gone or it stopped beating. */
    boolean isDead(LockOwner holder) {
        var now = options.clock().instant();
        if (holder.heartbeat().plus(options.staleLockAfter()).isBefore(now)) {
            return true;
        }
        return holder.host().equals(options.hostName())
                && ProcessHandle.of(holder.pid()).map(process -> !process.isAlive()).orElse(true);
    }

    void release(String unit, LockOwner owner) {
        store.unlock(unit, owner);
    }

    /** Refreshes the heartbeat; false when the lock is no longer this owner's. */
    boolean beat(String unit, LockOwner owner) {
        return store.heartbeat(unit, owner.withHeartbeat(Instant.now(options.clock())));
    }

    /** Who holds the lock now, as far as the store can tell (empty when it cannot). */
    Optional<LockOwner> holder(String unit) {
        try {
            return store.lockHolder(unit);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Sleeps a little; false when interrupted (the caller then gives up). */
    private static boolean pause() {
        try {
            Thread.sleep(POLL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
