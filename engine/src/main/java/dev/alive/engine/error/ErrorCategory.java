package dev.alive.engine.error;

/**
 * What kind of failure an {@link AliveException} is. Adapters map categories, never exception
 * classes: the CLI to its documented exit codes, a server to HTTP statuses.
 */
public enum ErrorCategory {
    /** The command line or request was malformed (an unknown flag, a missing argument). */
    USAGE,
    /** A spec, host profile, graph or value is invalid; nothing was changed. */
    INVALID_INPUT,
    /** Something else holds or owns what was asked for (a site locked by another run, a port taken). */
    CONFLICT,
    /** A service alive depends on cannot be reached (the state store); nothing was changed. */
    UNAVAILABLE,
    /** The operation failed; what it changed was undone. */
    FAILED,
    /** The operation failed and undoing it failed too: something is left for the operator. */
    ROLLBACK_INCOMPLETE
}
