package dev.alive.cli.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@link SystemdContainer} prepared as an operator prepares a production host for alive: a host
 * file based on {@code production} (root {@code /}, free ports for the site, Caddy's listener and
 * its admin), the operator's Caddy running as a unit and importing alive's site files, and
 * {@link #alive} running alive in its own JVM inside, with that host file. Also what the tests ask
 * the system: {@code systemctl show}, a live {@code systemd-analyze security}, a GET from inside,
 * and what a destroy must leave of a site.
 */
final class ProductionHost {
    static final String SPEC_DIR = "/srv/spec";
    static final String HOST_FILE = SPEC_DIR + "/host.yaml";
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

    final SystemdContainer container;
    final int sitePort;
    final int caddyPort;
    final String caddyAdmin;
    private final String ownerPassword;

    private ProductionHost(SystemdContainer container, int sitePort, int caddyPort, String caddyAdmin,
                           String ownerPassword) {
        this.container = container;
        this.sitePort = sitePort;
        this.caddyPort = caddyPort;
        this.caddyAdmin = caddyAdmin;
        this.ownerPassword = ownerPassword;
    }

    /** Writes {@value #HOST_FILE} and the operator's Caddyfile, starts that Caddy and waits until it answers. */
    static ProductionHost prepare(SystemdContainer container, String ownerPassword)
            throws IOException, InterruptedException {
        var host = new ProductionHost(container, freePort(), freePort(), "127.0.0.1:" + freePort(), ownerPassword);
        container.exec("mkdir", "-p", SPEC_DIR, "/etc/caddy/sites").orFail();
        Files.writeString(container.path(HOST_FILE), """
                apiVersion: alive/v1
                kind: Host
                base: production
                root: /
                wildcardDomain: alive.test
                ports: %d-%d
                proxy:
                  kind: caddy
                  admin: %s
                  listen: 127.0.0.1:%d
                """.formatted(host.sitePort, host.sitePort, host.caddyAdmin, host.caddyPort));
        Files.writeString(container.path("/etc/caddy/Caddyfile"),
                "{\n\tadmin " + host.caddyAdmin + "\n}\nimport /etc/caddy/sites/*.caddy\n");
        container.exec("systemd-run", "--unit=operator-caddy", "--setenv=HOME=/var/lib/caddy",
                "/usr/bin/caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile").orFail();
        host.awaitCaddy();
        return host;
    }

    /** alive in its own JVM inside the container, in {@value #SPEC_DIR}, with the production-based host file. */
    SystemdContainer.Result alive(Duration timeout, String... args) {
        var argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), "dev.alive.cli.Main"));
        argv.addAll(List.of(args));
        var env = new LinkedHashMap<String, String>();
        env.put("HOME", "/root");
        env.put("NO_COLOR", "1");
        // no LANG, as from cron or a unit: alive still prints its marks (UTF-8 whatever the locale)
        env.put("ALIVE_HOST", HOST_FILE);
        env.put("ALIVE_OWNER_PASSWORD", ownerPassword);
        long t = System.nanoTime();
        var result = container.exec(Path.of(SPEC_DIR), env, timeout, argv);
        System.out.printf("[nspawn] alive %s: exit %d in %d ms%n", String.join(" ", args), result.exitCode(),
                Duration.ofNanos(System.nanoTime() - t).toMillis());
        return result;
    }

    /** {@code systemctl show -p PROPERTY --value UNIT}, trimmed. */
    String show(String unit, String property) {
        return container.exec("systemctl", "show", "-p", property, "--value", unit).orFail().out().trim();
    }

    /** {@code systemd-analyze security UNIT}'s overall exposure (printed) and the report it comes from. */
    Exposure exposure(String unit) {
        var security = container.exec("systemd-analyze", "security", "--no-pager", unit).orFail();
        var matcher = EXPOSURE.matcher(security.out());
        if (!matcher.find()) {
            throw new AssertionError("no overall exposure in " + security);
        }
        double score = Double.parseDouble(matcher.group(1));
        System.out.println("[nspawn] live systemd-analyze security " + unit + ": " + score);
        return new Exposure(score, security.out());
    }

    /** A unit's overall exposure score, with {@code systemd-analyze security}'s report to explain it. */
    record Exposure(double score, String report) {
    }

    /**
     * What a destroy must leave of a site: its unit neither loaded nor active, no unit file or
     * enablement link, no user or group, no site folder, nothing listening on the site's port.
     */
    void assertNoSiteLeft(String unit, String user, String domain) {
        assertThat(show(unit, "LoadState")).isEqualTo("not-found");
        assertThat(show(unit, "ActiveState")).isEqualTo("inactive");
        assertThat(container.exec("test", "-e", "/etc/systemd/system/" + unit).ok()).as("unit file").isFalse();
        assertThat(container.exec("find", "/etc/systemd/system", "-name", "*" + unit + "*").orFail().out())
                .as("no enablement link left").isEmpty();
        assertThat(container.exec("getent", "passwd", user).ok()).as("user").isFalse();
        assertThat(container.exec("getent", "group", user).ok()).as("group").isFalse();
        assertThat(container.exec("test", "-e", "/srv/sites/" + domain).ok()).as("site folder").isFalse();
        assertThat(container.exec("ss", "-Hltn", "sport = :" + sitePort).orFail().out()).as("listening port").isBlank();
    }

    /** "status body" of a GET from inside the container, through Caddy when host is given. */
    private String curl(String url, String host) {
        var argv = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "-w", "%{http_code} "));
        if (host != null) {
            argv.addAll(List.of("-H", "Host: " + host));
        }
        argv.addAll(List.of("-o", "/tmp/alive-test-body", url));
        var status = container.exec(argv.toArray(String[]::new)).orFail().out();
        return status + container.exec("cat", "/tmp/alive-test-body").orFail().out();
    }

    /** A GET on the site's port, path {@code path}; through Caddy with the Host header when {@code domain} is given. */
    String get(String path, String domain) {
        int port = domain == null ? sitePort : caddyPort;
        return curl("http://127.0.0.1:" + port + path, domain);
    }

    private void awaitCaddy() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (container.exec("curl", "-sS", "-o", "/dev/null", "http://" + caddyAdmin + "/config/").ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the container's Caddy did not answer on " + caddyAdmin + ": "
                + container.exec("journalctl", "--no-pager", "-u", "operator-caddy"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
