package dev.alive.state;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** PostgreSQL URLs as libpq reads them: parts left out come from PG* variables, then libpq's defaults. */
final class PostgresUrls {

    private PostgresUrls() {
    }

    /**
     * {@code scheme://[user[:password]@][host][:port][/database][?name=value&...]}, percent-encoded;
     * a password may also hold a raw '@', ':', '/' or '?' (everything up to the last '@' is user info).
     */
    static DatabaseUrl.Postgres parse(String url, Map<String, String> env) {
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
                throw new IllegalArgumentException("state store URL '" + DatabaseUrl.redact(url) + "': '" + portText + "' is not a port number");
            }
            port = Integer.parseInt(portText);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return postgres(decode(host), port, database, user, password, params, env);
    }

    static DatabaseUrl.Postgres fromEnvironment(Map<String, String> env) {
        return postgres(null, null, null, null, null, Map.of(), env);
    }

    private static DatabaseUrl.Postgres postgres(String host, Integer port, String database, String user, String password,
                                     Map<String, String> params, Map<String, String> env) {
        String h = firstNonBlank(host, env.get("PGHOST"), "localhost");
        int p = port != null ? port : parsePort(firstNonBlank(env.get("PGPORT"), "5432"));
        String u = firstNonBlank(user, env.get("PGUSER"), System.getProperty("user.name"));
        String d = firstNonBlank(database, env.get("PGDATABASE"), u);
        String pw = password != null ? password : env.get("PGPASSWORD");
        return new DatabaseUrl.Postgres(h, p, d, u, pw, params);
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
