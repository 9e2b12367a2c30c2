package dev.alive.state;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/** A requested port is taken by another domain, or a host's port range has no free port left. */
public final class PortUnavailableException extends AliveException {
    private static final long serialVersionUID = 1L;

    public PortUnavailableException(String message) {
        super(ErrorCategory.CONFLICT, message);
    }
}
