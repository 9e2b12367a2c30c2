package dev.alive.engine.store;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.time.Duration;
import java.util.Optional;

/**
 * A run's write was refused because the unit's lock it held was taken over ({@link ErrorCategory#CONFLICT}):
 * its heartbeat went stale (the process stalled, or lost the store), another run took the lock and
 * now owns the unit. Nothing of the refused write happened.
 */
public final class LockLostException extends AliveException {
    private static final long serialVersionUID = 1L;

    private final String unit;
    private final transient LockOwner lost;
    private final transient Optional<LockOwner> holder;

    /** The lock is known to be lost: {@code holder} holds it now (empty: released since). */
    public LockLostException(String unit, LockOwner lost, Optional<LockOwner> holder) {
        this(unit, lost, holder, "run " + lost.runId() + " lost the lock of " + unit + " (generation "
                + lost.generation() + "): " + holder.map(h -> "it is now held by " + h.describe()
                        + (h.runId().equals(lost.runId()) ? " in generation " + h.generation() : ""))
                        .orElse("it was taken over, and released since")
                + ". Its heartbeat went stale (the process stalled, or could not reach the state store), so another"
                + " run took the unit over; this run stopped and committed nothing, and the run that took over"
                + " undoes what it did. See `alive history " + unit + "`, then apply again if needed");
    }

    private LockLostException(String unit, LockOwner lost, Optional<LockOwner> holder, String message) {
        super(ErrorCategory.CONFLICT, message);
        this.unit = unit;
        this.lost = lost;
        this.holder = holder;
    }

    /** The lock could not be refreshed for {@code silent}, longer than it takes to go stale: it may be lost. */
    public static LockLostException unconfirmed(String unit, LockOwner lost, Duration silent) {
        return new LockLostException(unit, lost, Optional.empty(), "run " + lost.runId() + " could not refresh its"
                + " lock of " + unit + " for " + silent.toSeconds() + " s (the state store did not answer), longer than"
                + " a lock takes to go stale: another run may have taken the unit over, so this run stopped and"
                + " commits nothing; the next run undoes what it did. Check that the state store is reachable, then"
                + " apply again");
    }

    public String unit() {
        return unit;
    }

    /** The hold that was lost. */
    public LockOwner lost() {
        return lost;
    }

    /** Who holds the lock now, if anyone. */
    public Optional<LockOwner> holder() {
        return holder;
    }
}
