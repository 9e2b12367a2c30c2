package dev.alive.tasks.system;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Caddyfile text: one file per site (the as-is block: {@code reverse_proxy localhost:<port>} with
 * header_up Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto) and the local profile's main
 * Caddyfile. Values are checked before they are written, so a domain or path can never open a new
 * block or directive.
 */
public final class CaddyConfig {
    /** The fleet's snippets, imported by a site file when the main Caddyfile defines them. */
    public static final List<String> FLEET_SNIPPETS = List.of("common_headers", "image_serving");

    private static final Pattern HOSTNAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern SNIPPET = Pattern.compile("(?m)^\\s*\\(([^()\\s]+)\\)\\s*\\{");

    private CaddyConfig() {
    }

    /** {@code <domain>.caddy}, the site's file in the proxy sites folder. */
    public static String fileName(String domain) {
        return hostname(domain) + ".caddy";
    }

    /** The names of the snippets ({@code (name) { ... }}) a Caddyfile defines. */
    public static Set<String> definedSnippets(String caddyfile) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = SNIPPET.matcher(caddyfile);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The site's block. With {@code listenAddress} {@code :443} (or empty) the address is the bare
     * domain and Caddy manages HTTPS; otherwise ({@code 127.0.0.1:8080}, the local profile) it is
     * {@code http://<domain>:<port>} bound to the host part, plain HTTP without certificates.
     *
     * @param snippets those defined by the main Caddyfile; only {@link #FLEET_SNIPPETS} are imported
     */
    public static String siteFile(String domain, int port, String listenAddress, Set<String> snippets) {
        hostname(domain);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        ListenAddress listen = ListenAddress.parse(listenAddress);
        StringBuilder block = new StringBuilder("# Written by alive; changes are overwritten on the next apply.\n");
        if (listen.host().isEmpty() && listen.port() == 443) {
            block.append(domain).append(" {\n");
        } else {
            block.append("http://").append(domain).append(':').append(listen.port()).append(" {\n");
            if (!listen.host().isEmpty()) {
                block.append("\tbind ").append(listen.host()).append('\n');
            }
        }
        FLEET_SNIPPETS.stream().filter(snippets::contains)
                .forEach(name -> block.append("\timport ").append(name).append('\n'));
        return block.append("\treverse_proxy localhost:").append(port).append(" {\n")
                .append("\t\theader_up Host {host}\n")
                .append("\t\theader_up X-Real-IP {remote_host}\n")
                .append("\t\theader_up X-Forwarded-For {remote_host}\n")
                .append("\t\theader_up X-Forwarded-Proto {scheme}\n")
                .append("\t}\n}\n").toString();
    }

    /**
     * The local profile's main Caddyfile: admin endpoint, no automatic HTTPS, certificates and
     * locks kept in {@code storageDir} (under the profile's root), and every site file imported.
     */
    public static String localMainCaddyfile(String adminAddress, Path storageDir, Path sitesDir) {
        ListenAddress admin = ListenAddress.parse(adminAddress);
        if (admin.host().isEmpty()) {
            throw new IllegalArgumentException("the admin address needs a host, e.g. 127.0.0.1:2019: " + adminAddress);
        }
        return "# Written by alive for the local profile.\n"
                + "{\n"
                + "\tadmin " + admin + "\n"
                + "\tauto_https off\n"
                + "\tstorage file_system {\n"
                + "\t\troot " + quoted(storageDir) + "\n"
                + "\t}\n"
                + "}\n\n"
                + "import " + quoted(sitesDir.resolve("*.caddy")) + "\n";
    }

    private static String hostname(String domain) {
        if (domain.length() > 253 || !HOSTNAME.matcher(domain).matches()) {
            throw new IllegalArgumentException("not a lower-case host name: " + domain);
        }
        return domain;
    }

    private static String quoted(Path path) {
        String text = path.toString();
        if (!path.isAbsolute() || text.chars().anyMatch(c -> c == '"' || c == '\\' || c == '{' || c == '}'
                || Character.isISOControl(c))) {
            throw new IllegalArgumentException("unsafe path for a Caddyfile: " + text);
        }
        return "\"" + text + "\"";
    }
}
