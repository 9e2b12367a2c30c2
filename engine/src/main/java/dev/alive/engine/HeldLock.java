package dev.alive.engine;

import dev.alive.engine.store.LockLostException;
import dev.alive.engine.store.LockOwner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A unit's lock while a run holds it: the owner (with the generation every commit is fenced by),
 * and whether the lock was lost. When the {@link Heartbeat} finds it lost, every thread that is
 * running one of the run's tasks is interrupted, so the task stops (a command runner kills its
 * commands), and nothing new is launched.
 */
final class HeldLock {

    private final String unit;
    private final LockOwner owner;
    private final AtomicReference<LockLostException> lost = new AtomicReference<>();
    private final List<Thread> working = new CopyOnWriteArrayList<>();

    HeldLock(String unit, LockOwner owner) {
        this.unit = unit;
        this.owner = owner;
    }

    String unit() {
        return unit;
    }

    LockOwner owner() {
        return owner;
    }

    boolean isLost() {
        return lost.get() != null;
    }

    Optional<LockLostException> lost() {
        return Optional.ofNullable(lost.get());
    }

    /** Records the loss (the first one counts) and interrupts the threads working for the run. */
    void markLost(LockLostException why) {
        if (lost.compareAndSet(null, why)) {
            working.forEach(Thread::interrupt);
        }
    }

    /**
     * Runs {@code work} on this thread, interrupted should the lock be lost meanwhile (at once when
     * it already is). An interrupt that arrived for the loss does not outlive the work.
     */
    <T> T interruptedOnLoss(Supplier<T> work) {
        var thread = Thread.currentThread();
        working.add(thread);
        try {
            if (isLost()) {
                thread.interrupt();
            }
            return work.get();
        } finally {
            working.remove(thread);
            if (isLost()) {
                Thread.interrupted(); // a pool thread goes on to other units' tasks
            }
        }
    }
}
