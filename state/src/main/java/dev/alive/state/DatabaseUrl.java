package dev.alive.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

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
            return postgres(null, null, null, null, null, Map.of(), env);
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return parsePostgres(url, env);
        }
        throw new IllegalArgumentException("state store URL '" + redact(url) + "' is not one of sqlite:/path/to/file.db, "
                + "sqlite::memory:, postgresql://user:password@host:port/database, postgresql:");
    }

    /** {@code url} with any password replaced by {@code ***}: safe for messages. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        String noUserInfoPassword = Pattern.compile("(://[^/@:]*):[^/@]*@").matcher(url).replaceFirst("$1:***@");
        return Pattern.compile("(?i)(password=)[^&]*").matcher(noUserInfoPassword).replaceAll("$1***");
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

    private static DatabaseUrl parsePostgres(String url, Map<String, String> env) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("state store URL '" + redact(url) + "' is not a valid URL: " + e.getReason()
                    + " (percent-encode special characters in the password)");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? null : decode(path.substring(1));
        var params = new LinkedHashMap<String, String>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        if (password == null) {
            password = params.remove("password");
        }
        params.remove("password");
        if (user == null) {
            user = params.remove("user");
        }
        String host = uri.getHost();
        if (host != null && host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        Integer port = uri.getPort() < 0 ? null : uri.getPort();
        return postgres(host, port, database, user, password, params, env);
    }

    private static Postgres postgres(String host, Integer port, String database, String user, String password,
                                     Map<String, String> params, Map<String, String> env) {
        String h = firstNonBlank(host, env.get("PGHOST"), "localhost");
        int p = port != null ? port : parsePort(firstNonBlank(env.get("PGPORT"), "5432"));
        String u = firstNonBlank(user, env.get("PGUSER"), System.getProperty("user.name"));
        String d = firstNonBlank(database, env.get("PGDATABASE"), u);
        String pw = password != null ? password : env.get("PGPASSWORD");
        return new Postgres(h, p, d, u, pw, params);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PGPORT '" + text + "' is not a port number");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
