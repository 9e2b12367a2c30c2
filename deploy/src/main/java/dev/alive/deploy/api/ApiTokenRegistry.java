package dev.alive.deploy.api;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.fingerprint.Fingerprints;
import dev.alive.state.ApiTokens;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens of alive serve. A token's secret is {@code alive_} and 256 random bits; only its
 * SHA-256 is stored, so the secret is shown once, when made, and never again.
 */
public final class ApiTokenRegistry {
    private static final String PREFIX = "alive_";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern SECRET = Pattern.compile("alive_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token just made: the only time {@code secret} is known. */
    public record Created(String name, TokenScope scope, String secret) {
        @Override
        public String toString() {
            return "Created[" + name + ", " + scope.label() + "]";
        }
    }

    /** Who presented a valid token. */
    public record Caller(String tokenName, TokenScope scope) {
    }

    private final ApiTokens tokens;

    public ApiTokenRegistry(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Makes and stores a token; a bad or taken name is INVALID_INPUT. */
    public Created create(String name, TokenScope scope) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AliveException(ErrorCategory.INVALID_INPUT, "token name '" + name + "' is not a name: use lower-case"
                    + " letters, digits, '.', '_' or '-' (at most 63), such as web");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            tokens.create(name, scope.label(), hash(secret));
        } catch (IllegalStateException e) {
            throw new AliveException(ErrorCategory.INVALID_INPUT, e.getMessage() + ": pick another name, or delete it first");
        }
        return new Created(name, scope, secret);
    }

    /** The caller whose token this is; empty for anything else (malformed, unknown, deleted). */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return tokens.findByHash(hash(secret))
                .flatMap(token -> TokenScope.parse(token.scope()).map(scope -> new Caller(token.name(), scope)));
    }

    /** A stored token, without anything of its secret. */
    public record Listed(String name, TokenScope scope, Instant createdAt) {
    }

    public List<Listed> list() {
        return tokens.list().stream()
                .map(token -> new Listed(token.name(), TokenScope.parse(token.scope()).orElseThrow(), token.createdAt()))
                .toList();
    }

    public boolean delete(String name) {
        return tokens.delete(name);
    }

    static String hash(String secret) {
        return Fingerprints.sha256(secret.getBytes(StandardCharsets.US_ASCII));
    }
}
