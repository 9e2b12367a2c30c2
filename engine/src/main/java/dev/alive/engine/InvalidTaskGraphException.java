package dev.alive.engine;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/**
 * The tasks given to {@link TaskGraph#of} do not form a valid graph ({@link ErrorCategory#INVALID_INPUT});
 * the message names the tasks.
 */
public final class InvalidTaskGraphException extends AliveException {
    private static final long serialVersionUID = 1L;

    public InvalidTaskGraphException(String message) {
        super(ErrorCategory.INVALID_INPUT, message);
    }
}
