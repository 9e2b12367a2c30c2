package dev.alive.state;

import dev.alive.engine.secret.UrlRedaction;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the state store lives, parsed from the host profile's {@code state:} value. Forms:
 * <ul>
 *   <li>{@code sqlite:/abs/path/state.db} (a relative path is taken from the working directory,
 *       {@code ~/} from the home directory) and {@code sqlite::memory:} (gone at close)</li>
 *   <li>{@code postgresql://user:password@host:port/database?param=value} ({@code postgres://} too);
 *       parts left out are taken from the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD,
 *       PGDATABASE, then from libpq's defaults (localhost, 5432, the OS user, database = user)</li>
 *   <li>{@code postgresql:} alone: everything from those variables</li>
 * </ul>
 * {@link #toString()} never shows a password.
 */
public sealed interface DatabaseUrl {

    /** An SQLite file, or an in-memory database when {@code file} is null. */
    record Sqlite(Path file) implements DatabaseUrl {
        public boolean inMemory() {
            return file == null;
        }

        @Override
        public String toString() {
            return inMemory() ? "sqlite::memory:" : "sqlite:" + file;
        }
    }

    /** A PostgreSQL server; {@code params} are passed to the JDBC driver (e.g. sslmode). */
    record Postgres(String host, int port, String database, String user, String password, Map<String, String> params)
            implements DatabaseUrl {
        public Postgres {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(user, "user");
            params = Map.copyOf(params);
        }

        /** {@code host:port}, as error messages name the server. */
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        @Override
        public String toString() {
            return "postgresql://" + user + (password == null ? "" : ":***") + "@" + address() + "/" + database;
        }
    }

    static DatabaseUrl parse(String url) {
        return parse(url, System.getenv());
    }

    /** Parses {@code url}, filling PostgreSQL parts it leaves out from {@code env}. */
    static DatabaseUrl parse(String url, Map<String, String> env) {
        Objects.requireNonNull(url, "url");
        if (url.startsWith("sqlite:")) {
            return parseSqlite(url.substring("sqlite:".length()));
        }
        if (url.equals("postgresql:") || url.equals("postgres:")) {
            return PostgresUrls.fromEnvironment(env);
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return PostgresUrls.parse(url, env);
        }
        throw new IllegalArgumentException("state store URL '" + redact(url) + "' is not one of sqlite:/path/to/file.db, "
                + "sqlite::memory:, postgresql://user:password@host:port/database, postgresql:");
    }

    /** {@code url} with its secrets hidden ({@link UrlRedaction}): safe for messages. */
    static String redact(String url) {
        return UrlRedaction.redact(url);
    }

    private static DatabaseUrl parseSqlite(String rest) {
        if (rest.equals(":memory:")) {
            return new Sqlite(null);
        }
        if (rest.isBlank()) {
            throw new IllegalArgumentException("state store URL 'sqlite:' needs a file: sqlite:/path/to/state.db");
        }
        String path = rest.startsWith("~/") ? System.getProperty("user.home") + rest.substring(1) : rest;
        return new Sqlite(Path.of(path).toAbsolutePath().normalize());
    }
}
