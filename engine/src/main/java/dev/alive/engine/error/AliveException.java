package dev.alive.engine.error;

import java.util.Objects;

/**
 * The root of every failure alive reports to an operator. The message says what went wrong and
 * what to do about it; the {@link #category()} says how an adapter reports it (exit code, HTTP
 * status). Never carries a secret.
 */
public class AliveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;

    public AliveException(ErrorCategory category, String message) {
        this(category, message, null);
    }

    public AliveException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    public ErrorCategory category() {
        return category;
    }
}
