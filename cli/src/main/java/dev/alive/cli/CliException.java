package dev.alive.cli;

/** A problem with what the operator asked for, shown as one line; exit code {@link ExitCodes#FAILED} unless given. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(String message) {
        this(message, ExitCodes.FAILED);
    }

    CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
