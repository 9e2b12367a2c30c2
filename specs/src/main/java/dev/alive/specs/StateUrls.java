package dev.alive.specs;

import dev.alive.engine.secret.UrlRedaction;
import java.nio.file.Path;
import java.util.Optional;

/**
 * State store locations: {@code sqlite:/abs/path.db} or {@code postgresql://user:password@host:port/db};
 * {@code postgresql://} (or {@code postgresql:}) alone takes every part from libpq's PG* variables.
 * {@link #redact} is the only form of a state URL that may ever be printed or logged.
 */
public final class StateUrls {

    public static final String SQLITE = "sqlite:";
    public static final String POSTGRESQL = "postgresql://";

    private StateUrls() {
    }

    /** The URL with its secrets hidden ({@link UrlRedaction}): {@code postgresql://user:***@host/db}. */
    public static String redact(String url) {
        return UrlRedaction.redact(url);
    }

    public static boolean isSqlite(String state) {
        return state.startsWith(SQLITE);
    }

    /** The database file of a {@code sqlite:} state. */
    public static Path sqlitePath(String state) {
        if (!isSqlite(state)) {
            throw new IllegalArgumentException("not a sqlite: state: " + redact(state));
        }
        return Path.of(state.substring(SQLITE.length()));
    }

    /**
     * Checks a written state value and puts it in canonical form: relative sqlite paths resolved
     * under {@code root}, {@code postgres://} and {@code jdbc:postgresql://} written as
     * {@code postgresql://}. Either the canonical value or the problem (already redacted).
     */
    static Result canonical(String written, Path root) {
        String value = written.trim();
        String shown = "state " + Texts.quote(redact(value));
        String expected = "; expected sqlite:<path> or postgresql://user@host:5432/database";
        if (Texts.hasControlCharacter(value)) {
            return Result.problem(shown + " contains control characters" + expected);
        }
        if (value.startsWith(SQLITE)) {
            String file = value.substring(SQLITE.length());
            if (file.isBlank()) {
                return Result.problem(shown + " names no database file; e.g. sqlite:state.db");
            }
            Path path = root.resolve(file).normalize();
            if (!Path.of(file).isAbsolute() && !path.startsWith(root)) {
                return Result.problem(shown + " leaves the root " + Texts.plain(root)
                        + "; write an absolute path if you mean it");
            }
            return Result.ok(SQLITE + path);
        }
        for (String alias : new String[] {"jdbc:postgresql://", "postgres://"}) {
            if (value.startsWith(alias)) {
                value = POSTGRESQL + value.substring(alias.length());
            }
        }
        if (value.equals("postgresql:") || value.equals("postgres:") || value.equals(POSTGRESQL)) {
            return Result.ok(value.equals(POSTGRESQL) ? POSTGRESQL : "postgresql:"); // all from PGHOST, PGUSER, ...
        }
        if (value.startsWith(POSTGRESQL)) {
            return postgresql(value, shown);
        }
        String hint = value.endsWith(".db") && !value.contains("://")
                ? "; write " + Texts.quote(SQLITE + value) : expected;
        return Result.problem(shown + " is not a state store alive knows" + hint);
    }

    private static Result postgresql(String url, String shown) {
        String rest = url.substring(POSTGRESQL.length());
        int at = rest.lastIndexOf('@');
        String hostAndPath = at >= 0 ? rest.substring(at + 1) : rest;
        String[] hostAndDatabase = hostAndPath.split("[/?]", 3);
        String hostPort = hostAndDatabase[0];
        String fix = "; write postgresql://user:password@host:5432/database";
        if (hostPort.isEmpty() || hostPort.startsWith(":")) {
            return Result.problem(shown + " names no host" + fix);
        }
        if (hostPort.contains(":") && !hostPort.startsWith("[") && !hostPort.matches("[^:]+:[0-9]{1,5}")) {
            return Result.problem(shown + " has an invalid port" + fix);
        }
        if (hostAndDatabase.length < 2 || hostAndDatabase[1].isEmpty() || !hostAndPath.contains("/")) {
            return Result.problem(shown + " names no database" + fix);
        }
        return Result.ok(url);
    }

    /** A canonical state value, or a problem message. */
    record Result(Optional<String> value, Optional<String> problem) {
        static Result ok(String value) {
            return new Result(Optional.of(value), Optional.empty());
        }

        static Result problem(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }
    }
}
