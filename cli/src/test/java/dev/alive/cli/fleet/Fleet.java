package dev.alive.cli.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of sites and hosts for end-to-end tests: {@code sites/template/} (a tiny Node server on
 * {@code $PORT} whose {@code /health} answers 503 for the first {@code HEALTH_DELAY_MS}
 * milliseconds, then 200; no install or build step, so a deploy is cheap), {@code sites/<name>.yaml}
 * specs using it, and {@code hosts/<name>.yaml} profiles (process services, no proxy) whose roots
 * are {@code roots/<name>/}.
 */
final class Fleet {
    /** Taken by every site's app from alive's environment: how long the app stays unhealthy after it started. */
    static final String HEALTH_DELAY_VARIABLE = "HEALTH_DELAY_MS";

    static final String SERVER_JS = """
            'use strict';
            const http = require('http');
            const port = Number(process.env.PORT);
            const healthyAt = Date.now() + Number(process.env.HEALTH_DELAY_MS || 0);
            http.createServer((request, response) => {
              const healthy = request.url !== '/health' || Date.now() >= healthyAt;
              response.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' });
              response.end(healthy ? (process.env.DOMAIN || 'ok') : 'warming up');
            }).listen(port, '127.0.0.1');
            for (const signal of ['SIGTERM', 'SIGINT']) {
              process.on(signal, () => process.exit(0));
            }
            """;

    private final Path dir;

    Fleet(Path dir) {
        this.dir = dir;
        write(dir.resolve("sites/template/server.js"), SERVER_JS);
    }

    Path dir() {
        return dir;
    }

    /** A site spec {@code sites/<domain>.yaml} for {@code domain}, owned by {@code ownerEmail}. */
    Path site(String domain, String ownerEmail) {
        var spec = dir.resolve("sites").resolve(domain + ".yaml");
        write(spec, """
                apiVersion: alive/v1
                kind: Site
                domain: %s
                owner:
                  email: %s
                template: ./template
                app:
                  start: node server.js
                  env:
                    HEALTH_DELAY_MS: ${%s}
                health:
                  path: /health
                  timeout: 90s
                """.formatted(domain, ownerEmail, HEALTH_DELAY_VARIABLE));
        return spec;
    }

    /** A host profile {@code hosts/<name>.yaml}: root {@code roots/<name>}, the given state and port range. */
    Path host(String name, String state, int firstPort, int lastPort) {
        var file = dir.resolve("hosts").resolve(name + ".yaml");
        write(file, """
                apiVersion: alive/v1
                kind: Host
                base: local
                root: ../roots/%s
                state: %s
                ports: %d-%d
                services: process
                proxy:
                  kind: none
                """.formatted(name, state, firstPort, lastPort));
        return file;
    }

    /** The root of host {@code name}. */
    Path root(String name) {
        return dir.resolve("roots").resolve(name);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
