package dev.alive.deploy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/** The category of any failure an operation ends with, for the adapters to map (exit codes, HTTP statuses). */
public final class ErrorCategories {

    private ErrorCategories() {
    }

    /** An {@link AliveException}'s own category; anything else (a bug, an I/O error nobody named) is FAILED. */
    public static ErrorCategory of(Throwable error) {
        if (error instanceof AliveException alive) {
            return alive.category();
        }
        return ErrorCategory.FAILED;
    }
}
