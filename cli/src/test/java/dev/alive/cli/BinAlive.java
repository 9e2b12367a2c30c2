package dev.alive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/alive} as an operator runs it: a separate process in a working folder, with this
 * machine's environment (less any {@code ALIVE_*} and {@code NO_COLOR}), a local-based host
 * profile {@code host.yaml} there with one free site port, and Caddy on free admin and listen
 * ports. For the example tests, which run after the jar is packaged.
 */
final class BinAlive {

    static final Path REPO = Workspace.EXAMPLE.getParent().getParent().getParent();

    final Path dir;
    final Map<String, String> env = new HashMap<>();
    final int sitePort = Workspace.freePort();
    final String caddyAdmin = "127.0.0.1:" + Workspace.freePort();
    final int caddyPort = Workspace.freePort();

    BinAlive(Path dir) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("host.yaml"), "apiVersion: alive/v1\nkind: Host\nbase: local\nroot: ./.alive\n"
                + "ports: " + sitePort + "-" + sitePort + "\nproxy:\n  kind: caddy\n  admin: " + caddyAdmin
                + "\n  listen: 127.0.0.1:" + caddyPort + "\n");
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("ALIVE_") && !name.equals("NO_COLOR")) {
                env.put(name, value);
            }
        });
        env.put("ALIVE_HOST", dir.resolve("host.yaml").toString());
        env.put("ALIVE_CADDY_ADMIN", caddyAdmin);
    }

    /** The sites folder of the host profile. */
    Path sites() {
        return dir.resolve(".alive/sites");
    }

    Workspace.Result alive(String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(REPO.resolve("bin/alive").toString());
        command.addAll(List.of(args));
        return run(command);
    }

    void stopCaddy() throws Exception {
        run(List.of("caddy", "stop", "--address", caddyAdmin));
    }

    Workspace.Result run(List<String> command) throws Exception {
        var out = dir.resolve("stdout.txt");
        var err = dir.resolve("stderr.txt");
        var builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        var process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 5 minutes");
        }
        return new Workspace.Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
