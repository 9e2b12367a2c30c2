package dev.alive.engine.secret;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/**
 * A failure whose text held a secret, as alive passes it on: the original's message with every
 * secret hidden, its category (FAILED for an error that is no {@link AliveException}), its stack
 * frames, and its causes and suppressed errors hidden the same way. Made by
 * {@link SecretRedaction#hideIn(Throwable)}; the original is not kept.
 */
public final class SecretsHiddenException extends AliveException {
    private static final long serialVersionUID = 1L;

    private final String originalType;

    private SecretsHiddenException(ErrorCategory category, String message, Throwable cause, String originalType) {
        super(category, message, cause);
        this.originalType = originalType;
    }

    static SecretsHiddenException of(Throwable original, SecretRedaction secrets, int depth) {
        var category = original instanceof AliveException alive ? alive.category() : ErrorCategory.FAILED;
        var message = original.getMessage() == null ? original.getClass().getSimpleName() : original.getMessage();
        var cause = original.getCause() == null || original.getCause() == original || depth >= MAX_DEPTH
                ? null : secrets.hide(original.getCause(), depth + 1);
        var hidden = new SecretsHiddenException(category, secrets.redact(message), cause, original.getClass().getName());
        hidden.setStackTrace(original.getStackTrace());
        if (depth < MAX_DEPTH) {
            for (var suppressed : original.getSuppressed()) {
                hidden.addSuppressed(secrets.hide(suppressed, depth + 1));
            }
        }
        return hidden;
    }

    /** How deep causes and suppressed errors are copied (a chain longer than this is cut). */
    static final int MAX_DEPTH = 16;

    /** The class name of the error this stands for, {@code java.lang.IllegalStateException} say. */
    public String originalType() {
        return originalType;
    }

    @Override
    public String toString() {
        return originalType + ": " + getMessage();
    }
}
