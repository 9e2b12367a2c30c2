package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/**
 * The state store cannot be reached or opened (server down, refused, unknown host, login refused,
 * file not writable). The message names where it was looked for, never a password.
 */
public final class StateStoreUnavailableException extends AliveException {
    private static final long serialVersionUID = 1L;

    private final String location;

    /**
     * @param location {@code host:port} of a server or the path of a file
     * @param reason what went wrong, in a few words ("connection refused")
     */
    public StateStoreUnavailableException(String location, String reason, Throwable cause) {
        super(ErrorCategory.UNAVAILABLE, "cannot reach the state store at " + location + ": " + reason, cause);
        this.location = location;
    }

    /** {@code host:port} of a server or the path of a file. */
    public String location() {
        return location;
    }
}
