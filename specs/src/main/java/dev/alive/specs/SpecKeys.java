package dev.alive.specs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys each kind accepts, per mapping ("" is the top level, "app.build" a nested mapping).
 * The loader rejects anything else; a test checks the JSON Schema lists exactly these.
 */
final class SpecKeys {

    /** Mappings whose keys are free-form (names chosen by the operator). */
    static final List<String> FREE_FORM = List.of("app.env");

    static final Shape SITE = new Shape("Site", ordered(
            Map.entry("", List.of("apiVersion", "kind", "domain", "owner", "template", "app", "health", "port",
                    "layout")),
            Map.entry("owner", List.of("email", "org")),
            Map.entry("app", List.of("root", "install", "build", "start", "env")),
            Map.entry("app.build", List.of("command", "outputs")),
            Map.entry("health", List.of("path", "timeout")),
            Map.entry("layout", List.of("kind", "slug", "workspace", "appDir", "unit", "unitsDir", "envFile", "user",
                    "caddyfile"))));

    static final Shape HOST = new Shape("Host", ordered(
            Map.entry("", List.of("apiVersion", "kind", "base", "root", "state", "sites", "envDir", "ports",
                    "serverIp", "wildcardDomain", "users", "services", "proxy", "keepReleases", "keepRuns",
                    "limits")),
            Map.entry("proxy", List.of("kind", "sitesDir", "mainCaddyfile", "admin", "listen")),
            Map.entry("limits", List.of("memory", "cpu", "tasks", "processes", "openFiles"))));

    private SpecKeys() {
    }

    /** The accepted keys of one kind, by mapping path. */
    record Shape(String kind, Map<String, List<String>> keysByPath) {

        List<String> at(String path) {
            return keysByPath.getOrDefault(path, List.of());
        }

        /** Another mapping of this kind that accepts the key, for "it belongs under ..." hints. */
        Optional<String> otherPathWith(String key, String notHere) {
            return keysByPath.entrySet().stream()
                    .filter(e -> !e.getKey().equals(notHere) && e.getValue().contains(key))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
    }

    @SafeVarargs
    private static Map<String, List<String>> ordered(Map.Entry<String, List<String>>... entries) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : entries) {
            map.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(map);
    }
}
