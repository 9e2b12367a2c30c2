package dev.alive.engine.secret;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Hides known secret values (an owner's password, the values behind a spec's {@code ${NAME}}) in
 * text that is printed or stored, a task's output line say: every occurrence becomes
 * {@link UrlRedaction#HIDDEN}. Longer secrets are replaced first, so one that contains another is
 * hidden whole; a secret of several lines is also hidden line by line (output arrives in lines).
 * Only the values themselves are found, not encodings of them (URL-encoded, base64).
 */
public final class SecretRedaction {

    /** Hides nothing. */
    public static final SecretRedaction NONE = new SecretRedaction(List.of());

    private final List<String> secrets;

    private SecretRedaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Hides each of {@code secrets}; null and empty ones are ignored. */
    public static SecretRedaction of(Collection<String> secrets) {
        var distinct = new TreeSet<String>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (var secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            distinct.add(secret);
            secret.lines().filter(line -> !line.isBlank()).forEach(distinct::add);
        }
        return distinct.isEmpty() ? NONE : new SecretRedaction(List.copyOf(distinct));
    }

    /** {@code text} with every secret replaced by {@code ***}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        var redacted = text;
        for (var secret : secrets) {
            if (redacted.contains(secret)) {
                redacted = redacted.replace(secret, UrlRedaction.HIDDEN);
            }
        }
        return redacted;
    }

    /**
     * {@code error} as alive may pass it on (to a journal, a listener, a result): itself when no
     * secret is in its text (message, causes, suppressed errors), else a {@link SecretsHiddenException}
     * standing for it with every secret hidden.
     */
    public Throwable hideIn(Throwable error) {
        return hide(error, 0);
    }

    Throwable hide(Throwable error, int depth) {
        if (error == null || secrets.isEmpty() || !holdsSecret(error)) {
            return error;
        }
        return SecretsHiddenException.of(error, this, depth);
    }

    private boolean holdsSecret(Throwable error) {
        var trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        var text = trace.toString();
        return secrets.stream().anyMatch(text::contains);
    }

    /** How many values it hides (never the values). */
    @Override
    public String toString() {
        return "SecretRedaction[" + secrets.size() + " secrets, not shown]";
    }
}
