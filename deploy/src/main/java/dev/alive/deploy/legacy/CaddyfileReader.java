package dev.alive.deploy.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.CaddyConfigInvalidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared Caddyfile's site blocks by host name, read only through {@code caddy adapt} (Caddy
 * parses its own format, snippets and imports included) and then from Caddy's JSON: per host
 * route the one {@code reverse_proxy} upstream and the {@code /files/*} file server's root.
 */
public final class CaddyfileReader {
    private static final Pattern LOCAL_DIAL = Pattern.compile("(?:localhost|127\\.0\\.0\\.1|\\[::1\\]):(\\d{1,5})");
    private static final List<String> SNIPPET_HANDLERS = List.of("headers", "encode", "rewrite", "vars");

    private final Caddy caddy;

    public CaddyfileReader(Caddy caddy) {
        this.caddy = caddy;
    }

    /**
     * @throws LegacyReadException when the file is missing, Caddy rejects it (Caddy's message names
     *     the line) or a route has no host name
     */
    public Map<String, CaddySiteBlock> read(Path caddyfile) {
        if (!Files.isRegularFile(caddyfile)) {
            throw new LegacyReadException(caddyfile, "does not exist", "Give the Caddyfile the server's Caddy runs");
        }
        String json;
        try {
            json = caddy.adapt(caddyfile);
        } catch (CaddyConfigInvalidException e) {
            throw new LegacyReadException(caddyfile, "caddy adapt cannot read it: "
                    + e.getMessage().substring(e.getMessage().indexOf(": ") + 2),
                    "Fix the line Caddy names, or run with the Caddy version the server runs (caddy version)");
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new LegacyReadException(caddyfile, "caddy adapt printed no JSON", "Check the caddy program on the PATH");
        }
        Map<String, CaddySiteBlock> blocks = new LinkedHashMap<>();
        for (JsonNode server : config.path("apps").path("http").path("servers")) {
            for (JsonNode route : server.path("routes")) {
                List<String> hosts = new ArrayList<>();
                route.path("match").forEach(match -> match.path("host").forEach(host -> hosts.add(host.asText())));
                if (hosts.isEmpty()) {
                    throw new LegacyReadException(caddyfile, "a site block has no host name (listen "
                            + server.path("listen") + ")", "Name the site block's host, as the as-is scripts do");
                }
                CaddySiteBlock block = block(hosts, route);
                hosts.forEach(host -> blocks.put(host, block));
            }
        }
        return blocks;
    }

    private static CaddySiteBlock block(List<String> hosts, JsonNode route) {
        var found = new Found();
        walk(route.path("handle"), false, found);
        if (found.unknown != null) {
            return new CaddySiteBlock.Unknown(hosts, found.unknown);
        }
        if (found.proxies.size() != 1) {
            return new CaddySiteBlock.Unknown(hosts, found.proxies.isEmpty() ? "it has no reverse_proxy"
                    : "it has " + found.proxies.size() + " reverse_proxy directives");
        }
        JsonNode proxy = found.proxies.get(0);
        if (proxy.path("upstreams").size() != 1) {
            return new CaddySiteBlock.Unknown(hosts, "its reverse_proxy has " + proxy.path("upstreams").size()
                    + " upstreams, not one");
        }
        String dial = proxy.path("upstreams").get(0).path("dial").asText();
        Matcher local = LOCAL_DIAL.matcher(dial);
        if (!local.matches()) {
            return new CaddySiteBlock.Unknown(hosts, "its reverse_proxy dials " + dial + ", not localhost:PORT");
        }
        List<String> headers = new ArrayList<>();
        proxy.path("headers").path("request").path("set").fieldNames().forEachRemaining(headers::add);
        return new CaddySiteBlock.Proxy(hosts, dial, Integer.parseInt(local.group(1)), headers,
                Optional.ofNullable(found.filesRoot));
    }

    private static final class Found {
        final List<JsonNode> proxies = new ArrayList<>();
        String filesRoot;
        String unknown;
    }

    /** Collects the handlers of a route tree; {@code underFiles}: inside the {@code /files/*} route. */
    private static void walk(JsonNode handlers, boolean underFiles, Found found) {
        for (JsonNode handler : handlers) {
            String name = handler.path("handler").asText();
            if (name.equals("subroute")) {
                for (JsonNode route : handler.path("routes")) {
                    boolean files = underFiles || route.path("match").toString().contains("\"/files/*\"");
                    walk(route.path("handle"), files, found);
                }
            } else if (name.equals("reverse_proxy") && !underFiles) {
                found.proxies.add(handler);
            } else if (name.equals("vars") && underFiles && handler.has("root")) {
                found.filesRoot = handler.path("root").asText();
            } else if (name.equals("file_server") && underFiles) {
                continue;
            } else if (!SNIPPET_HANDLERS.contains(name)) {
                found.unknown = "it has a " + name + " handler" + (underFiles ? " under /files/*" : "")
                        + ", which the as-is blocks do not";
            }
        }
    }
}
