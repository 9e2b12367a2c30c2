package dev.alive.server;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.api.SubdomainSettings;
import dev.alive.deploy.api.TokenScope;
import dev.alive.specs.Host;
import dev.alive.specs.HostProfiles;
import dev.alive.state.AliveDatabase;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.LocalCommandRunner;
import dev.alive.tasks.system.ProcessService;
import dev.alive.tasks.system.BcryptPasswords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real alive serve for tests: the local host profile under a test folder (SQLite state, Caddy on
 * free loopback ports, app ports from a private range), templates copied from specs/examples/hello,
 * one token per scope, a server on a free loopback port, and an HTTP client for it.
 */
final class ServerFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";

    final Path dir;
    final Host host;
    final HostOperations operations;
    final AliveServer server;
    final Map<TokenScope, String> tokens = new HashMap<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerFixture(Path dir, Host host, Map<String, String> environment, UnaryOperator<ServeOptions> tune) {
        this.dir = dir;
        this.host = host;
        this.operations = HostOperations.open(host, environment);
        for (var scope : TokenScope.values()) {
            tokens.put(scope, operations.tokens().create("test-" + scope.label(), scope).secret());
        }
        var settings = new SubdomainSettings(dir.resolve("templates"), "default", 3, Map.of());
        this.server = AliveServer.start(operations, tune.apply(ServeOptions.defaults(settings).withListen("127.0.0.1", 0)));
    }

    static ServerFixture start(Path dir) {
        return start(dir, options -> options);
    }

    static ServerFixture start(Path dir, UnaryOperator<ServeOptions> tune) {
        return start(dir, tune, null);
    }

    /** @param stateUrl the state store (null: the local profile's SQLite file) */
    static ServerFixture start(Path dir, UnaryOperator<ServeOptions> tune, String stateUrl) {
        var environment = new HashMap<String, String>();
        environment.put("PATH", System.getenv("PATH"));
        environment.put(HostProfiles.CADDY_ADMIN_VARIABLE, "127.0.0.1:" + freePort());
        var local = HostProfiles.local(dir, environment);
        var proxy = local.proxy().withListenAddress("127.0.0.1:" + freePort());
        int first = 20000 + ThreadLocalRandom.current().nextInt(9000);
        var host = new Host(local.name(), local.root(), stateUrl == null ? local.state() : stateUrl, local.sites(), local.envDir(),
                new Host.PortRange(first, first + 9), local.serverIp(), java.util.Optional.of("alive.test"), local.users(),
                local.services(), proxy, local.keepReleases());
        template(dir, "default", yaml -> yaml);
        template(dir, "broken", yaml -> yaml.replace("command: npm run build", "command: node -e \"process.exit(3)\""));
        return new ServerFixture(dir, host, Map.copyOf(environment), tune);
    }

    /** {@code templates/<id>}: a copy of the example site, its site.yaml changed by {@code edit}. */
    static void template(Path dir, String id, UnaryOperator<String> edit) {
        var example = example();
        var target = dir.resolve("templates").resolve(id);
        try (Stream<Path> files = Files.walk(example)) {
            for (var file : files.toList()) {
                var relative = example.relativize(file).toString();
                if (relative.startsWith("node_modules") || relative.startsWith("dist") || relative.startsWith(".alive")
                        || relative.contains("/node_modules")) {
                    continue;
                }
                var copy = target.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
            var spec = target.resolve("site.yaml");
            Files.writeString(spec, edit.apply(Files.readString(spec)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String wildcard() {
        return host.wildcardDomain().orElseThrow();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path, String token) {
        var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) {
        var request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A user with a $2b$ hash (as Node's bcrypt writes), an org, and the user's role in it. */
    Account account(String email, String role) {
        var hash = "$2b$" + new BcryptPasswords().hash(PASSWORD).substring(4);
        try (var db = AliveDatabase.open(host.state())) {
            var user = db.accounts().createUser(email, hash);
            var org = db.accounts().createOrg("org of " + email);
            if (!role.equals("owner")) {
                var owner = db.accounts().createUser("owner-" + email, hash);
                db.accounts().addMembership(org.orgId(), owner.userId(), "owner");
            }
            db.accounts().addMembership(org.orgId(), user.userId(), role);
            return new Account(user.userId(), org.orgId());
        }
    }

    record Account(UUID userId, UUID orgId) {
    }

    /** specs/examples/hello, found by walking up from the working directory. */
    static Path example() {
        for (var d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("specs/examples/hello/site.yaml"))) {
                return d.resolve("specs/examples/hello");
            }
        }
        throw new IllegalStateException("specs/examples/hello not found above " + Path.of("").toAbsolutePath());
    }

    /** Stops every app the host started (pid files under its services folder), then its Caddy. */
    void stopApps() {
        var services = host.root().resolve("services");
        if (Files.isDirectory(services)) {
            try (Stream<Path> files = Files.list(services)) {
                for (var pid : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                    var name = pid.getFileName().toString();
                    new ProcessService(pid, pid.resolveSibling(name.substring(0, name.length() - 4) + ".log")).stop();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var caddy = new Caddy(new LocalCommandRunner(), host.root().resolve("var/lib/alive/caddy"));
        if (caddy.isRunning(host.proxy().adminAddress())) {
            caddy.stop(host.proxy().adminAddress());
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                stopApps();
            } finally {
                operations.close();
            }
        }
    }
}
