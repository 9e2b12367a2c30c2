package dev.alive.deploy;

import dev.alive.engine.InvalidTaskGraphException;
import dev.alive.engine.UnitLockedException;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/** The category of any failure an operation ends with, for the adapters to map (exit codes, HTTP statuses). */
public final class ErrorCategories {

    private ErrorCategories() {
    }

    /** An {@link AliveException}'s own category; the engine's graph and lock errors; else FAILED. */
    public static ErrorCategory of(Throwable error) {
        if (error instanceof AliveException alive) {
            return alive.category();
        }
        if (error instanceof InvalidTaskGraphException) {
            return ErrorCategory.INVALID_INPUT;
        }
        if (error instanceof UnitLockedException) {
            return ErrorCategory.CONFLICT;
        }
        return ErrorCategory.FAILED;
    }
}
