package dev.alive.state;

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
        String redacted = url;
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            int colon = url.indexOf(':', scheme + 3);
            if (colon >= 0 && colon < at) {
                redacted = url.substring(0, colon + 1) + "***" + url.substring(at);
            }
        }
        return Pattern.compile("(?i)(password=)[^&]*").matcher(redacted).replaceAll("$1***");
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

    /**
     * {@code scheme://[user[:password]@][host][:port][/database][?name=value&...]}, percent-encoded;
     * a password may also hold a raw '@', ':', '/' or '?' (everything up to the last '@' is user info).
     */
    private static DatabaseUrl parsePostgres(String url, Map<String, String> env) {
        String rest = url.substring(url.indexOf("://") + 3);
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        String location = rest.substring(at + 1);
        var params = new LinkedHashMap<String, String>();
        int question = location.indexOf('?');
        if (question >= 0) {
            for (String pair : location.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            location = location.substring(0, question);
        }
        int slash = location.indexOf('/');
        String authority = slash < 0 ? location : location.substring(0, slash);
        String database = slash < 0 || slash == location.length() - 1 ? null : decode(location.substring(slash + 1));
        String user = params.remove("user");
        String password = params.remove("password");
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? password : decode(userInfo.substring(colon + 1));
        }
        String host = authority;
        Integer port = null;
        int portColon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        if (portColon > 0) {
            host = authority.substring(0, portColon);
            String portText = authority.substring(portColon + 1);
            if (!portText.matches("\\d{1,5}")) {
                throw new IllegalArgumentException("state store URL '" + redact(url) + "': '" + portText + "' is not a port number");
            }
            port = Integer.parseInt(portText);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return postgres(decode(host), port, database, user, password, params, env);
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
