package dev.alive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark's files, all below one temporary directory: host profiles, the example site, and
 * fleets of sites sharing one template whose app is a tiny C server (1.5 MB per site; a node
 * server, the fallback without a C compiler, takes 40 MB).
 */
final class Fixtures {

    static final String FLEET_INSTALL = "npm install --no-audit --no-fund --offline";

    private final Path repo;
    private final Path root;
    private Path tinyServer;

    Fixtures(Path repo, Path root) {
        this.repo = repo;
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** A host profile file {@code <dir>/host.yaml}: local base, everything under {@code <dir>/root}. */
    static Path host(Path dir, String ports, String proxyYaml) {
        var text = """
                apiVersion: alive/v1
                kind: Host
                base: local
                root: ./root
                ports: %s
                proxy:
                %s
                """.formatted(ports, proxyYaml.indent(2).stripTrailing());
        return write(dir.resolve("host.yaml"), text);
    }

    static String noProxy() {
        return "kind: none";
    }

    static String caddy(int admin, int listen) {
        return "kind: caddy\nadmin: 127.0.0.1:" + admin + "\nlisten: 127.0.0.1:" + listen;
    }

    /** A copy of specs/examples/hello (spec and template) in {@code dir}. */
    Path example(Path dir) {
        copyTree(repo.resolve("specs/examples/hello"), dir);
        return dir.resolve("site.yaml");
    }

    /**
     * A fleet folder {@code dir/sites} of {@code count} specs ({@code s0001.<zone>} ...) sharing
     * {@code dir/sites/template}, owned by one owner or each by its own; returns the sites folder.
     */
    Path fleet(Path dir, String zone, int count, boolean ownerPerSite) {
        var sites = dir.resolve("sites");
        template(sites.resolve("template"));
        var start = tinyServer() == null ? "node server.js" : "./tiny-server";
        for (var i = 1; i <= count; i++) {
            var domain = String.format(Locale.ROOT, "s%04d.%s", i, zone);
            var owner = ownerPerSite ? String.format(Locale.ROOT, "owner-%04d@bench.test", i) : "owner@bench.test";
            write(sites.resolve(String.format(Locale.ROOT, "s%04d.yaml", i)), """
                    apiVersion: alive/v1
                    kind: Site
                    domain: %s
                    owner:
                      email: %s
                    template: ./template
                    app:
                      install: %s
                      build:
                        command: node build.js
                        outputs: [dist]
                      start: %s
                    health:
                      path: /health
                      timeout: 60s
                    port: auto
                    """.formatted(domain, owner, FLEET_INSTALL, start));
        }
        return sites;
    }

    /**
     * Deploys a fleet made by {@link #fleet} with one owner (setup, not measured): the first site
     * alone (it creates the owner), then all, 4 tasks at once.
     */
    static CommandRun deployFleet(Alive alive, Path dir) {
        alive.run(dir, Alive.withPassword(), "apply", "--host", "host.yaml", "sites/s0001.yaml").orFail();
        return alive.run(dir, "apply", "--host", "host.yaml", "sites", "--parallel", "4").orFail();
    }

    /** Rewrites the page of a fleet's template, so release, build, activate, health and register rerun. */
    static void touchTemplate(Path sites, int generation) {
        write(sites.resolve("template/src/index.html"), page("generation " + generation));
    }

    private void template(Path dir) {
        write(dir.resolve("package.json"), """
                {
                  "name": "bench-site",
                  "version": "1.0.0",
                  "private": true,
                  "scripts": { "build": "node build.js" }
                }
                """);
        write(dir.resolve("package-lock.json"), """
                {
                  "name": "bench-site",
                  "version": "1.0.0",
                  "lockfileVersion": 3,
                  "requires": true,
                  "packages": { "": { "name": "bench-site", "version": "1.0.0" } }
                }
                """);
        write(dir.resolve("build.js"), """
                'use strict';
                const fs = require('fs');
                fs.mkdirSync('dist', { recursive: true });
                fs.copyFileSync('src/index.html', 'dist/index.html');
                console.log('built dist/index.html');
                """);
        write(dir.resolve("src/index.html"), page("generation 0"));
        if (tinyServer() != null) {
            copy(tinyServer, dir.resolve("tiny-server"));
        } else {
            copy(repo.resolve("specs/examples/hello/template/server.js"), dir.resolve("server.js"));
        }
    }

    private static String page(String text) {
        return "<!doctype html>\n<title>bench</title>\n<p>" + text + "</p>\n";
    }

    /** bench/fixtures/tiny-server.c built with cc, or null without a C compiler. */
    Path tinyServer() {
        if (tinyServer == null) {
            var binary = root.resolve("tiny-server");
            var run = CommandRun.run(root, System.getenv(), List.of("cc", "-O2", "-o", binary.toString(),
                    repo.resolve("bench/fixtures/tiny-server.c").toString()));
            tinyServer = run.exitCode() == 0 ? binary : null;
        }
        return tinyServer;
    }

    /** A TCP port on 127.0.0.1 nobody listens on right now. */
    /**
     * A range of {@code size} ports, "first-last", on none of which anything listens on 127.0.0.1
     * now (the site processes of an earlier, interrupted benchmark or of other work may hold some).
     */
    static String freeRange(int size) {
        for (var first = 26000; first + size <= 60000; first += size) {
            var last = first + size - 1;
            if (java.util.stream.IntStream.rangeClosed(first, last).allMatch(Fixtures::isFree)) {
                return first + "-" + last;
            }
        }
        throw new IllegalStateException("no " + size + " free ports in a row between 26000 and 60000");
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops the site processes started under a host root: each pid file holds "pid starttime"; the
     * group is signalled only when that pid still has that start time (it is still ours).
     */
    /**
     * Stops every site process and every Caddy that alive started under {@code fixtures} (for an
     * interrupted benchmark: its scenarios' own clean-up did not run).
     */
    static void stopEverythingUnder(Path fixtures) {
        if (!Files.isDirectory(fixtures)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(fixtures, 8)) {
            for (var path : paths.toList()) {
                var name = path.getFileName().toString();
                if (name.equals("services") && Files.isDirectory(path)) {
                    stopSiteProcesses(path.getParent());
                } else if (name.equals("caddy.pid")) {
                    var pid = Files.readString(path).trim();
                    if (pid.matches("[0-9]+") && Files.exists(Path.of("/proc/" + pid + "/comm"))
                            && Files.readString(Path.of("/proc/" + pid + "/comm")).trim().equals("caddy")) {
                        new ProcessBuilder("kill", "-TERM", pid).inheritIO().start().waitFor();
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench: could not stop everything under " + fixtures + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void stopSiteProcesses(Path hostRoot) {
        var services = hostRoot.resolve("services");
        if (!Files.isDirectory(services)) {
            return;
        }
        try (Stream<Path> files = Files.list(services)) {
            for (var pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                var fields = Files.readString(pidFile).trim().split("\\s+");
                var pid = Long.parseLong(fields[0]);
                if (fields.length > 1 && fields[1].equals(startTime(pid))) {
                    new ProcessBuilder("kill", "-TERM", "--", "-" + pid).inheritIO().start().waitFor();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String startTime(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder, leaving out what a build or a deploy there may have left (node_modules, dist, .alive). */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (var path : paths.toList()) {
                var relative = from.relativize(path).toString();
                if (("/" + relative + "/").matches(".*/(node_modules|dist|\\.alive)/.*")) {
                    continue;
                }
                var target = to.resolve(relative);
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals(".gitignore")) {
                    copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            var all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (var path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
