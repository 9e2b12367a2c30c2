package dev.alive.state;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;

/** {@link ApiTokens} on {@code <api_tokens>}; hashes are bound, never quoted in an error. */
final class SqlApiTokens implements ApiTokens {
    private static final Set<String> SCOPES = Set.of("read", "deploy", "admin");

    private final JdbiDatabase db;

    SqlApiTokens(JdbiDatabase db) {
        this.db = db;
    }

    @Override
    public Token create(String name, String scope, String tokenHash) {
        if (!SCOPES.contains(scope)) {
            throw new IllegalArgumentException("token scope must be read, deploy or admin, not '" + scope + "'");
        }
        var token = new Token(name, scope, Dialect.now());
        try {
            db.useHandle(handle -> handle.createUpdate(
                            "insert into <api_tokens> (name, scope, token_hash, created_at) values (:name, :scope, :hash, :at)")
                    .bind("name", name)
                    .bind("scope", scope)
                    .bind("hash", tokenHash)
                    .bind("at", db.dialect().bind(token.createdAt()))
                    .execute());
        } catch (JdbiException e) {
            // no cause: the driver's message may quote the bound hash
            throw db.dialect().isUniqueViolation(e)
                    ? new IllegalStateException("a token named " + name + " exists already")
                    : new IllegalStateException("cannot store token " + name + ": " + e.getClass().getSimpleName());
        }
        return token;
    }

    @Override
    public Optional<Token> findByHash(String tokenHash) {
        return db.withHandle(handle -> handle.createQuery(
                        "select name, scope, created_at from <api_tokens> where token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Token(rs.getString("name"), rs.getString("scope"),
                        db.dialect().instant(rs, "created_at")))
                .findOne());
    }

    @Override
    public List<Token> list() {
        return db.withHandle(handle -> handle.createQuery("select name, scope, created_at from <api_tokens> order by name")
                .map((rs, ctx) -> new Token(rs.getString("name"), rs.getString("scope"),
                        db.dialect().instant(rs, "created_at")))
                .list());
    }

    @Override
    public boolean delete(String name) {
        return db.withHandle(handle -> handle.createUpdate("delete from <api_tokens> where name = :name")
                .bind("name", name).execute()) > 0;
    }
}
