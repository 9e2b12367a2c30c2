package dev.alive.tasks;

import java.util.Optional;

/**
 * The owner's password for this invocation, if the operator gave one. It is only revealed to the
 * account task; {@link #toString()} never shows it.
 */
public final class OwnerPassword {

    private static final OwnerPassword NONE = new OwnerPassword(null);

    private final String value;

    private OwnerPassword(String value) {
        this.value = value;
    }

    public static OwnerPassword none() {
        return NONE;
    }

    public static OwnerPassword of(String value) {
        return value == null || value.isEmpty() ? NONE : new OwnerPassword(value);
    }

    public boolean isGiven() {
        return value != null;
    }

    public String reveal() {
        return Optional.ofNullable(value).orElseThrow(() -> new IllegalStateException("no password given"));
    }

    @Override
    public String toString() {
        return isGiven() ? "OwnerPassword[given]" : "OwnerPassword[none]";
    }
}
