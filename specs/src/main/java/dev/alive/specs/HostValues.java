package dev.alive.specs;

import dev.alive.specs.Host.Proxy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The smaller values of a host profile: choices, paths under the root, addresses, the proxy. */
final class HostValues {

    private final Problems problems;

    HostValues(Problems problems) {
        this.problems = problems;
    }

    /** One of the named options (case-sensitive, as written in the README); the fallback when absent. */
    <T> Optional<T> choice(Fields fields, String key, Map<String, T> options, T fallback) {
        if (!fields.has(key)) {
            return Optional.of(fallback);
        }
        return fields.scalar(key).flatMap(node -> {
            T chosen = options.get(node.getValue().trim());
            if (chosen == null) {
                String names = String.join(", ", new TreeMap<>(options).keySet());
                String suggestion = DidYouMean.closest(node.getValue(), options.keySet())
                        .map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.at(node, fields.name(key) + ": expected one of " + names + ", got " + Texts.describe(node)
                        + suggestion);
            }
            return Optional.ofNullable(chosen);
        });
    }

    /** A path as written, or the fallback; relative paths resolve under the root and must stay in it. */
    Optional<Path> path(Fields fields, String key, String fallback, Path root) {
        if (fields == null || !fields.has(key)) {
            return Optional.of(root.resolve(fallback));
        }
        return fields.scalar(key).flatMap(node -> {
            String shown = fields.name(key) + " " + Texts.quote(node.getValue());
            try {
                if (node.getValue().isBlank() || Texts.hasControlCharacter(node.getValue())) {
                    problems.at(node, shown + " is not a usable path");
                    return Optional.empty();
                }
                Path written = Path.of(node.getValue());
                Path resolved = root.resolve(written).normalize();
                if (!written.isAbsolute() && !resolved.startsWith(root)) {
                    problems.at(node, shown + " leaves the root " + Texts.plain(root)
                            + "; write an absolute path if you mean a folder outside it");
                    return Optional.empty();
                }
                return Optional.of(resolved);
            } catch (InvalidPathException e) {
                problems.at(node, shown + " is not a valid path: " + e.getReason());
                return Optional.empty();
            }
        });
    }

    Optional<String> ip(ScalarNode node) {
        String value = node.getValue().trim();
        if (!Addresses.isIp(value)) {
            problems.at(node, "serverIp " + Texts.quote(value) + " is not an IP address; e.g. serverIp: 203.0.113.7");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Optional<String>> wildcard(ScalarNode node) {
        String value = node.getValue().trim();
        String name = value.startsWith("*.") ? value.substring(2) : value;
        Optional<String> problem = DomainNames.problem(name);
        problem.ifPresent(message -> problems.at(node, "wildcardDomain " + message));
        return problem.isPresent() ? Optional.empty() : Optional.of(Optional.of(name));
    }

    /** @param fields the proxy mapping, or null when the profile has none (all defaults) */
    Optional<Proxy> proxy(Fields fields, HostLayout base, Path root, Map<String, String> environment) {
        Fields proxy = fields;
        Optional<HostLayout.ProxyChoice> choice = proxy == null ? Optional.of(base.proxy())
                : choice(proxy, "kind", Map.of("caddy", HostLayout.ProxyChoice.CADDY, "none",
                        HostLayout.ProxyChoice.NONE, "auto", HostLayout.ProxyChoice.AUTO), base.proxy());
        Optional<Proxy.Kind> kind = choice.map(c -> switch (c) {
            case CADDY -> Proxy.Kind.CADDY;
            case NONE -> Proxy.Kind.NONE;
            case AUTO -> HostProfiles.isOnPath("caddy", environment) ? Proxy.Kind.CADDY : Proxy.Kind.NONE;
        });
        Optional<Path> sitesDir = path(proxy, "sitesDir", base.proxySitesDir(), root);
        Optional<Path> mainCaddyfile = path(proxy, "mainCaddyfile", base.mainCaddyfile(), root);
        Optional<String> admin = address(proxy, "admin", base.adminAddress(), true);
        Optional<String> listen = address(proxy, "listen", base.listenAddress(), false);
        if (kind.isEmpty() || sitesDir.isEmpty() || mainCaddyfile.isEmpty() || admin.isEmpty() || listen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Proxy(kind.get(), sitesDir.get(), mainCaddyfile.get(), admin.get(), listen.get()));
    }

    private Optional<String> address(Fields fields, String key, String fallback, boolean hostRequired) {
        if (fields == null || !fields.has(key)) {
            return Optional.of(fallback);
        }
        return fields.scalar(key).flatMap(node -> {
            String value = node.getValue().trim();
            Optional<String> problem = Addresses.hostPortProblem(value, hostRequired);
            problem.ifPresent(message -> problems.at(node,
                    fields.name(key) + " " + Texts.quote(value) + " " + message));
            return problem.isPresent() ? Optional.empty() : Optional.of(value);
        });
    }
}
