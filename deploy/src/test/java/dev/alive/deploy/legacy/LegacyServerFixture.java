package dev.alive.deploy.legacy;

import com.sun.net.httpserver.HttpServer;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.CaddyConfigInvalidException;
import dev.alive.tasks.system.LocalCommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A server as the as-is scripts left it, under a root (a temporary folder; {@code /} inside a
 * container): the port registry, the shared Caddyfile with its snippets, env files, the template
 * unit with enabled instances and a drop-in, workspaces (one on the older /root path) with their
 * slug links, the site users in etc/passwd and etc/group, and a real HTTP listener (in this JVM)
 * on each running site's port, in the as-is range 3333-3999. Twelve sites: seven consistent, five
 * with one flaw each (the constants say which). Files are owned by the site users' numbers, so
 * the fixture needs root. {@link #close()} stops the listeners.
 */
public final class LegacyServerFixture implements AutoCloseable {
    /** Consistent, the classic block. */
    public static final String CLASSIC = "alpha.alive.best";
    /** Consistent, a newer block: the /files/* file server (and tls force_automate where Caddy knows it). */
    public static final String NEWER = "beta.alive.best";
    /** Consistent, with a drop-in replacing ExecStart and WorkingDirectory. */
    public static final String DROP_IN = "gamma.alive.best";
    /** Consistent, the registry entry still carries passwordHash, tenantId, email and credits. */
    public static final String LEGACY_KEYS = "eta.alive.best";
    /** Consistent, a hand-kept block with only the Host and X-Real-IP headers. */
    public static final String HAND_KEPT = "hand.example.com";
    /** Consistent, its workspace on the older /root/webalive/sites path. */
    public static final String OLD_PATH = "old.alive.best";
    /** Consistent, its slug from the "." to "-" rule, which the other rule would not give. */
    public static final String ODD_SLUG = "double--dash.alive.best";
    /** The registry's port is stale: env file and Caddy block say another. */
    public static final String STALE_PORT = "delta.alive.best";
    /** Unit, env file, workspace and block, but no registry entry. */
    public static final String ORPHAN_UNIT = "epsilon.alive.best";
    /** A registry entry, a block and a workspace, but no unit. */
    public static final String NO_UNIT = "zeta.alive.best";
    /** Everything agrees, but nothing listens on the port. */
    public static final String NOT_LISTENING = "theta.alive.best";
    /** Only a workspace and its user. */
    public static final String WORKSPACE_ONLY = "iota.alive.best";

    public static final List<String> CONSISTENT = List.of(CLASSIC, NEWER, DROP_IN, LEGACY_KEYS, HAND_KEPT, OLD_PATH, ODD_SLUG);

    /** The removed registry keys' values the fixture writes: none may appear in any output. */
    public static final List<String> REMOVED_VALUES = List.of("$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "owner@customer.example", "tenant-7f3e9c", "4242");
    public static final List<String> REMOVED_KEYS = List.of("passwordHash", "tenantId", "email", "credits");

    private static final int FIRST_UID = 901;

    private final Path root;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<HttpServer> listeners = new ArrayList<>();
    private final StringBuilder registry = new StringBuilder();
    private final StringBuilder caddyfile = new StringBuilder();
    private final StringBuilder passwd = new StringBuilder("root:x:0:0:root:/root:/bin/bash\n");
    private final StringBuilder group = new StringBuilder("root:x:0:\n");
    private final boolean forceAutomate;
    private int nextUid = FIRST_UID;

    private LegacyServerFixture(Path root) {
        this.root = root;
        this.forceAutomate = caddyKnowsForceAutomate(root);
    }

    /** Lays the server out under {@code root} and starts its sites' listeners. */
    public static LegacyServerFixture create(Path root) throws IOException {
        var fixture = new LegacyServerFixture(root);
        try {
            fixture.layOut();
        } catch (IOException | RuntimeException e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    public Path root() {
        return root;
    }

    /** The production paths under the root. */
    public LegacyPaths paths() {
        return LegacyPaths.under(root);
    }

    /** The port the site runs on (its env file's PORT). */
    public int port(String domain) {
        return ports.get(domain);
    }

    /** Whether the Caddyfile's newer blocks carry {@code tls force_automate} (Caddy 2.8 and later). */
    public boolean forceAutomate() {
        return forceAutomate;
    }

    /** A path of the server, {@code /etc/sites} under the root. */
    public Path at(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private void layOut() throws IOException {
        write("/etc/systemd/system/site@.service", """
                [Unit]
                Description=Site %i
                After=network.target

                [Service]
                Type=simple
                User=site-%i
                Group=site-%i
                WorkingDirectory=SITES/%i/user
                EnvironmentFile=-ENV/%i.env
                ExecStart=/bin/sh -c 'exec /usr/local/bin/bun run dev'
                Restart=always

                [Install]
                WantedBy=multi-user.target
                """.replace("SITES", at("/srv/webalive/sites").toString()).replace("ENV", at("/etc/sites").toString()), "644");
        caddyfile.append("""
                (common_headers) {
                    header {
                        X-Content-Type-Options nosniff
                        Referrer-Policy strict-origin-when-cross-origin
                        -Server
                    }
                }

                (image_serving) {
                    @images path *.png *.jpg *.jpeg *.webp *.svg
                    header @images Cache-Control "public, max-age=86400"
                }
                """);

        site(CLASSIC, "alpha-alive-best", Block.CLASSIC, "/srv/webalive/sites", true, true, true, "");
        site(NEWER, "beta-alive-best", Block.NEWER, "/srv/webalive/sites", true, true, true, "");
        site(DROP_IN, "gamma-alive-best", Block.CLASSIC, "/srv/webalive/sites", true, true, true, "");
        write("/etc/systemd/system/site@gamma-alive-best.service.d/override.conf", """
                [Service]
                ExecStart=
                ExecStart=/usr/bin/node server.js
                WorkingDirectory=%s/user/dist
                """.formatted(at("/srv/webalive/sites/" + DROP_IN)), "644");
        Files.createDirectories(at("/srv/webalive/sites/" + DROP_IN + "/user/dist"));
        site(LEGACY_KEYS, "eta-alive-best", Block.CLASSIC, "/srv/webalive/sites", true, true, true,
                ", \"passwordHash\": \"%s\", \"email\": \"%s\", \"tenantId\": \"%s\", \"credits\": %s"
                        .formatted(REMOVED_VALUES.toArray()));
        site(HAND_KEPT, "hand-example-com", Block.HAND_KEPT, "/srv/webalive/sites", true, true, true, "");
        site(OLD_PATH, "old-alive-best", Block.CLASSIC, "/root/webalive/sites", true, true, true, "");
        site(ODD_SLUG, "double--dash-alive-best", Block.CLASSIC, "/srv/webalive/sites", true, true, true, "");
        site(STALE_PORT, "delta-alive-best", Block.CLASSIC, "/srv/webalive/sites", true, true, true, "");
        site(ORPHAN_UNIT, "epsilon-alive-best", Block.CLASSIC, "/srv/webalive/sites", false, true, true, "");
        site(NO_UNIT, "zeta-alive-best", Block.CLASSIC, "/srv/webalive/sites", true, false, true, "");
        site(NOT_LISTENING, "theta-alive-best", Block.CLASSIC, "/srv/webalive/sites", true, true, false, "");
        site(WORKSPACE_ONLY, "iota-alive-best", Block.NONE, "/srv/webalive/sites", false, false, false, "");

        // the stale registry entry: the site moved to its env file's port, the registry kept the old one
        String live = "\"" + STALE_PORT + "\": {\"port\": " + port(STALE_PORT);
        int stale = freePort();
        int at = registry.indexOf(live);
        registry.replace(at, at + live.length(), "\"" + STALE_PORT + "\": {\"port\": " + stale);

        write("/var/lib/claude-bridge/domain-passwords.json", "{\n" + registry.substring(0, registry.length() - 2)
                + "\n}\n", "600");
        write("/root/alive/Caddyfile", caddyfile.toString(), "644");
        write("/etc/passwd", passwd.toString(), "644");
        write("/etc/group", group.toString(), "644");
    }

    private enum Block { CLASSIC, NEWER, HAND_KEPT, NONE }

    /**
     * One site as deploy-site-systemd.sh leaves it, with the parts it may lack: a registry entry,
     * a unit (enabled instance and env file), a listener.
     */
    private void site(String domain, String slug, Block block, String sitesRoot, boolean inRegistry, boolean unit,
                      boolean listening, String removedKeys) throws IOException {
        int uid = nextUid++;
        String user = "site-" + slug;
        passwd.append(user).append(":x:").append(uid).append(':').append(uid).append("::")
                .append(at("/srv/webalive/sites/" + domain)).append(":/usr/sbin/nologin\n");
        group.append(user).append(":x:").append(uid).append(":\n");
        Path workspace = Files.createDirectories(at(sitesRoot + "/" + domain + "/user"));
        Files.writeString(workspace.resolve("package.json"), "{\"name\": \"" + slug + "\"}\n");
        own(workspace.resolve("package.json"), uid, uid);
        own(workspace, uid, uid);
        Files.setPosixFilePermissions(workspace.getParent(), PosixFilePermissions.fromString("rwxr-x---"));
        own(workspace.getParent(), uid, uid);
        Path link = at("/srv/webalive/sites/" + slug);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, workspace.getParent());
        if (block == Block.NONE) {
            return;
        }
        int port = listening ? listen(domain) : freePort();
        ports.put(domain, port);
        if (inRegistry) {
            registry.append("  \"").append(domain).append("\": {\"port\": ").append(port)
                    .append(", \"createdAt\": \"2025-03-0").append(1 + ports.size() % 9).append("T10:00:00Z\"")
                    .append(removedKeys).append("},\n");
        }
        if (unit) {
            Path env = write("/etc/sites/" + slug + ".env", "DOMAIN=" + domain + "\nPORT=" + port + "\n", "640");
            own(env, 0, uid);
            Path wants = Files.createDirectories(at("/etc/systemd/system/multi-user.target.wants"));
            Files.createSymbolicLink(wants.resolve("site@" + slug + ".service"), Path.of("../site@.service"));
        }
        caddyfile.append('\n').append(domain).append(" {\n");
        if (block == Block.HAND_KEPT) {
            caddyfile.append("""
                        reverse_proxy localhost:%d {
                            header_up Host {host}
                            header_up X-Real-IP {remote_host}
                        }
                    }
                    """.formatted(port));
            return;
        }
        if (block == Block.NEWER && forceAutomate) {
            caddyfile.append("    tls force_automate\n");
        }
        caddyfile.append("    import common_headers\n    import image_serving\n");
        if (block == Block.NEWER) {
            Path files = Files.createDirectories(workspace.resolve(".alive/files"));
            caddyfile.append("""
                        handle_path /files/* {
                            root * %s
                            file_server
                        }
                    """.formatted(files));
        }
        caddyfile.append("""
                    reverse_proxy localhost:%d {
                        header_up Host {host}
                        header_up X-Real-IP {remote_host}
                        header_up X-Forwarded-For {remote_host}
                        header_up X-Forwarded-Proto {scheme}
                    }
                }
                """.formatted(port));
    }

    private Path write(String absolute, String content, String mode) throws IOException {
        Path file = at(absolute);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(rwx(mode)));
        return file;
    }

    private static String rwx(String octal) {
        StringBuilder bits = new StringBuilder();
        for (char digit : octal.toCharArray()) {
            int d = digit - '0';
            bits.append((d & 4) != 0 ? 'r' : '-').append((d & 2) != 0 ? 'w' : '-').append((d & 1) != 0 ? 'x' : '-');
        }
        return bits.toString();
    }

    private static void own(Path path, int uid, int gid) throws IOException {
        try {
            Files.setAttribute(path, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new IOException("the legacy server fixture gives files to the site users' uids and needs root: "
                    + e.getMessage(), e);
        }
    }

    /** A real HTTP server on a free port of the as-is range, answering with the domain. */
    private int listen(String domain) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(JsonPorts.FIRST_PORT, JsonPorts.LAST_PORT + 1);
            if (ports.containsValue(port)) {
                continue;
            }
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
                server.createContext("/", exchange -> {
                    byte[] body = domain.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                listeners.add(server);
                return port;
            } catch (BindException e) {
                // taken: try another
            }
        }
        throw new IOException("no free port in " + JsonPorts.FIRST_PORT + "-" + JsonPorts.LAST_PORT);
    }

    /** A port of the as-is range nothing listens on now. */
    private int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(JsonPorts.FIRST_PORT, JsonPorts.LAST_PORT + 1);
            if (ports.containsValue(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(port)); // any address: nothing on 0.0.0.0 or loopback
                return port;
            } catch (BindException e) {
                // taken
            }
        }
        throw new IOException("no free port in " + JsonPorts.FIRST_PORT + "-" + JsonPorts.LAST_PORT);
    }

    private static boolean caddyKnowsForceAutomate(Path root) {
        try {
            Path probe = Files.createTempFile("force-automate", ".Caddyfile");
            try {
                Files.writeString(probe, "probe.alive.test {\n\ttls force_automate\n\trespond ok\n}\n");
                new Caddy(new LocalCommandRunner(), root.resolveSibling(root.getFileName() + "-caddy")).adapt(probe);
                return true;
            } catch (CaddyConfigInvalidException e) {
                return false;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the listeners. The files stay (the temporary folder's owner removes them). */
    @Override
    public void close() {
        listeners.forEach(server -> server.stop(0));
        listeners.clear();
    }
}
