package dev.alive.cli;

import dev.alive.engine.EngineOptions;
import dev.alive.engine.store.LockOwner;
import dev.alive.specs.HostProfiles;
import dev.alive.state.AliveDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary working folder for CLI tests: a copy of the example site under {@code sites/<name>},
 * a host profile {@code host.yaml} whose root is {@code root/} (with one free port for sites, so
 * tests of other processes on this machine do not collide), and the environment alive sees.
 */
final class Workspace {

    static final Path EXAMPLE = locateExample();

    final Path dir;
    final Map<String, String> env = new HashMap<>();
    int sitePort;
    String caddyAdmin;
    int caddyListenPort;

    Workspace(Path dir) {
        this.dir = dir;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.toString());
        env.put("ALIVE_OWNER_PASSWORD", "correct horse battery staple");
    }

    /** A host profile: local base, root under the workspace, one free site port, given proxy kind. */
    Workspace host(String proxyKind) {
        sitePort = freePort();
        var text = "apiVersion: alive/v1\nkind: Host\nbase: local\nroot: ./root\nports: " + sitePort + "-" + sitePort
                + "\nproxy:\n  kind: " + proxyKind + "\n";
        if (proxyKind.equals("caddy")) {
            caddyAdmin = "127.0.0.1:" + freePort();
            caddyListenPort = freePort();
            text += "  admin: " + caddyAdmin + "\n  listen: 127.0.0.1:" + caddyListenPort + "\n";
        }
        write("host.yaml", text);
        env.put("ALIVE_HOST", hostFile().toString());
        return this;
    }

    Path hostFile() {
        return dir.resolve("host.yaml");
    }

    /** Copies the example site to {@code sites/<name>/} with the given domain; returns its spec file. */
    Path site(String name, String domain) {
        var target = dir.resolve("sites").resolve(name);
        copy(EXAMPLE, target);
        var spec = target.resolve("site.yaml");
        edit(spec, "hello.alive.test", domain);
        edit(spec, "timeout: 30s", "timeout: 10s");
        return spec;
    }

    /** As {@link #site}, without the install step (npm install of nothing takes seconds). */
    Path quickSite(String name, String domain) {
        var spec = site(name, domain);
        edit(spec, "  install: npm install --no-audit --no-fund\n", "");
        return spec;
    }

    /**
     * As {@link #quickSite}, with {@code API_KEY: ${ALIVE_TEST_API_KEY}} set to {@code secret} and a
     * build that prints it and the owner's password, then runs {@code lastLine} (its exit decides).
     */
    Path siteWhoseBuildPrintsSecrets(String name, String domain, String secret, String lastLine) {
        env.put("ALIVE_TEST_API_KEY", secret);
        var spec = quickSite(name, domain);
        edit(spec, "    NODE_ENV: production", "    NODE_ENV: production\n    API_KEY: ${ALIVE_TEST_API_KEY}");
        write("sites/" + name + "/template/print-secrets.sh", "echo \"api=$API_KEY\"\necho 'owner="
                + env.get("ALIVE_OWNER_PASSWORD") + "'\n" + lastLine + "\n");
        edit(spec, "command: npm run build", "command: sh print-secrets.sh");
        return spec;
    }

    /** Replaces text in a file; fails when it is not there (so a test cannot edit nothing). */
    static void edit(Path file, String from, String to) {
        try {
            var text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String relative, String text) {
        try {
            var file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        return runIn(new HashMap<>(env), false, stdin, args);
    }

    /** Runs with {@code extra} on top of the workspace's environment and the given colour decision. */
    Result runIn(Map<String, String> environment, boolean colors, String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new CliContext(Map.copyOf(environment), dir, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes()), colors);
        int code = Main.execute(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Holds the site's lock as a live run of this JVM would, until closed. */
    AutoCloseable lock(String domain) {
        var host = HostProfiles.resolve(hostFile().toString(), dir, env);
        var database = AliveDatabase.open(host.state());
        var owner = new LockOwner(EngineOptions.defaults().hostName(), ProcessHandle.current().pid(), "test-holder",
                Instant.now());
        var holder = database.stateStore().tryLock(domain, owner);
        if (!holder.runId().equals(owner.runId())) {
            database.close();
            throw new IllegalStateException(domain + " is already locked by " + holder.describe());
        }
        return () -> {
            database.stateStore().unlock(domain, holder);
            database.close();
        };
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    record Page(int statusCode, String body) {
    }

    /**
     * GET http://127.0.0.1:port/path as HTTP/1.0 (so the answer is never chunked), with a Host
     * header (the JDK's HttpClient refuses to set one).
     */
    static Page get(int port, String path, String hostHeader) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            var request = "GET " + path + " HTTP/1.0\r\nHost: " + (hostHeader == null ? "127.0.0.1:" + port : hostHeader)
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var statusLine = response.substring(0, response.indexOf("\r\n"));
            var bodyStart = response.indexOf("\r\n\r\n");
            return new Page(Integer.parseInt(statusLine.split(" ")[1]), bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException("GET 127.0.0.1:" + port + path + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #get}, retrying for up to 10 s while nothing listens yet (a service that was just restarted). */
    static Page awaitPage(int port, String path) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return get(port, path, null);
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                var relative = from.relativize(path);
                if (relative.toString().startsWith("template/node_modules") || relative.toString().startsWith("template/dist")) {
                    continue;
                }
                var target = to.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path locateExample() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("specs/examples/hello");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("specs/examples/hello not found above " + Path.of("").toAbsolutePath());
    }
}
