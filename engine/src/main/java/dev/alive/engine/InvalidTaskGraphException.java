package dev.alive.engine;

/** The tasks given to {@link TaskGraph#of} do not form a valid graph; the message names the tasks. */
public final class InvalidTaskGraphException extends RuntimeException {

    public InvalidTaskGraphException(String message) {
        super(message);
    }
}
