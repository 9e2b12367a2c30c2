package dev.alive.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary working folder for CLI tests: a copy of the example site under {@code sites/<name>},
 * a host profile {@code host.yaml} whose root is {@code root/}, and the environment alive sees.
 */
final class Workspace {

    static final Path EXAMPLE = locateExample();

    final Path dir;
    final Map<String, String> env = new HashMap<>();

    Workspace(Path dir) {
        this.dir = dir;
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", dir.toString());
        env.put("ALIVE_OWNER_PASSWORD", "correct horse battery staple");
    }

    /** A host profile: local base, root under the workspace, given proxy kind. */
    Workspace host(String proxyKind) {
        var text = "apiVersion: alive/v1\nkind: Host\nbase: local\nroot: ./root\nports: 4300-4399\n"
                + "proxy:\n  kind: " + proxyKind + "\n";
        if (proxyKind.equals("caddy")) {
            text += "  admin: 127.0.0.1:" + freePort() + "\n  listen: 127.0.0.1:" + freePort() + "\n";
        }
        write("host.yaml", text);
        env.put("ALIVE_HOST", dir.resolve("host.yaml").toString());
        return this;
    }

    /** Copies the example site to {@code sites/<name>/} with the given domain; returns its spec file. */
    Path site(String name, String domain) {
        var target = dir.resolve("sites").resolve(name);
        copy(EXAMPLE, target);
        var spec = target.resolve("site.yaml");
        try {
            var text = Files.readString(spec).replace("hello.alive.test", domain).replace("timeout: 30s", "timeout: 10s");
            Files.writeString(spec, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spec;
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
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new CliContext(Map.copyOf(env), dir, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes()), false);
        int code = Main.execute(context, args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
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

    private static Path locateExample() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("specs/examples/hello");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("specs/examples/hello not found above " + Path.of("").toAbsolutePath());
    }
}
