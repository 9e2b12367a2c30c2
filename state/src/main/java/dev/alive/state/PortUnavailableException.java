package dev.alive.state;

/** A requested port is taken by another domain, or a host's port range has no free port left. */
public final class PortUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PortUnavailableException(String message) {
        super(message);
    }
}
