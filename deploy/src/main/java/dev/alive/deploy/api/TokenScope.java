package dev.alive.deploy.api;

import java.util.Locale;
import java.util.Optional;

/** What a token may do: read (look), deploy (also change sites), admin (also manage the server). */
public enum TokenScope {
    READ, DEPLOY, ADMIN;

    /** Whether a token of this scope may do what needs {@code needed}. */
    public boolean allows(TokenScope needed) {
        return compareTo(needed) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenScope> parse(String label) {
        for (var scope : values()) {
            if (scope.label().equals(label)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
