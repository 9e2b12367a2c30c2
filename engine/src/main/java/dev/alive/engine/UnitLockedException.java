package dev.alive.engine;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.LockOwner;

/** Another live run holds the unit's lock ({@link ErrorCategory#CONFLICT}); the message names the holder. */
public final class UnitLockedException extends AliveException {
    private static final long serialVersionUID = 1L;

    private final String unit;
    private final transient LockOwner holder;

    public UnitLockedException(String unit, LockOwner holder) {
        super(ErrorCategory.CONFLICT, unit + " is locked by " + holder.describe()
                + "; wait for that run to finish, or wait for the lock longer");
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
