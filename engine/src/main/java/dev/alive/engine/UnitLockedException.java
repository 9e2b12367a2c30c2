package dev.alive.engine;

/** Another live run holds the unit's lock; the message names the holder. */
public final class UnitLockedException extends RuntimeException {

    private final String unit;
    private final LockOwner holder;

    public UnitLockedException(String unit, LockOwner holder) {
        super(unit + " is locked by " + holder.describe());
        this.unit = unit;
        this.holder = holder;
    }

    public String unit() {
        return unit;
    }

    public LockOwner holder() {
        return holder;
    }
}
