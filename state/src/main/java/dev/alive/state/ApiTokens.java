package dev.alive.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * alive serve's API tokens, each kept only as the hash of its secret (PostgreSQL:
 * {@code alive.api_tokens}). Making the secret and hashing it is the caller's job; a hash is
 * never returned by a listing.
 */
public interface ApiTokens {

    /** @param scope read, deploy or admin */
    record Token(String name, String scope, Instant createdAt) {
    }

    /**
     * Stores a token under a new name.
     *
     * @throws IllegalStateException when a token of that name exists
     */
    Token create(String name, String scope, String tokenHash);

    /** The token whose secret hashes to {@code tokenHash}. */
    Optional<Token> findByHash(String tokenHash);

    List<Token> list();

    /** Removes the token; false when there was none of that name. */
    boolean delete(String name);
}
