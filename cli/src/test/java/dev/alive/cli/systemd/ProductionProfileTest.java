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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production profile ({@code users: create}, {@code services: systemd}, Caddy) on a real
 * systemd: alive runs inside a {@link SystemdContainer} as an operator runs it (its own JVM, a
 * host file based on {@code production} with ports of its own), and every claim is checked on the
 * system itself: the user, the unit, the process's uid, the env file, Caddy, the live exposure
 * score, the limits, redeploys, a failed start rolled back, rollback and destroy. One container
 * for the class; the tests run in order, each on the site the one before left.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionProfileTest {
    static final String DOMAIN = "shop.alive.test";
    static final String USER = "site-shop-alive-test";
    static final String UNIT = "site@shop-alive-test.service";
    static final String SPEC = "/srv/spec/site.yaml";
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

    SystemdContainer container;
    int sitePort;
    int caddyPort;
    String caddyAdmin;
    long started;
    String firstPage;

    @BeforeAll
    void bootAndPrepareTheHost() throws Exception {
        started = System.nanoTime();
        container = Containers.bootOrSkip("prod");
        sitePort = freePort();
        caddyPort = freePort();
        caddyAdmin = "127.0.0.1:" + freePort();
        container.exec("mkdir", "-p", "/srv/spec", "/etc/caddy/sites").orFail();
        container.exec("cp", "-r", REPO.resolve("specs/examples/hello/template").toString(), "/srv/spec/template")
                .orFail();
        container.exec("rm", "-rf", "/srv/spec/template/dist", "/srv/spec/template/node_modules").orFail();
        Files.writeString(container.path("/srv/spec/template/crash.js"),
                "console.error('crash.js: giving up on purpose');\nprocess.exit(3);\n");
        writeSpec("node server.js", "30s");
        Files.writeString(container.path("/srv/spec/host.yaml"), """
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
                """.formatted(sitePort, sitePort, caddyAdmin, caddyPort));
        // the operator's Caddy: a main Caddyfile importing alive's site files, run as a unit
        Files.writeString(container.path("/etc/caddy/Caddyfile"),
                "{\n\tadmin " + caddyAdmin + "\n}\nimport /etc/caddy/sites/*.caddy\n");
        container.exec("systemd-run", "--unit=operator-caddy", "--setenv=HOME=/var/lib/caddy",
                "/usr/bin/caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile").orFail();
        awaitCaddy();
    }

    @AfterAll
    void stop() {
        Containers.stop(container);
        if (container != null) {
            System.out.printf("[nspawn] %s: boot %d ms, stop %d ms, class %d ms%n", getClass().getSimpleName(),
                    container.bootTime().toMillis(), container.stopTime().toMillis(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    @Test
    @Order(1)
    void firstDeployCreatesTheUserStartsTheUnitAsItAndRoutesThroughCaddy() throws Exception {
        var apply = alive("apply", SPEC);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();

        var uid = container.exec("id", "-u", USER).orFail().out().trim();
        var gid = container.exec("id", "-g", USER).orFail().out().trim();
        assertThat(container.exec("getent", "group", USER).orFail().out()).startsWith(USER + ":x:" + gid + ":");
        assertThat(Files.readString(Path.of("/etc/passwd"))).as("the host has no such user").doesNotContain(USER + ":");

        var unitFile = container.exec("systemctl", "show", "-p", "FragmentPath", "--value", UNIT).orFail().out().trim();
        assertThat(unitFile).isEqualTo("/etc/systemd/system/" + UNIT);
        assertThat(show("UnitFileState")).isEqualTo("enabled");
        assertThat(show("ActiveState")).isEqualTo("active");
        assertThat(show("NeedDaemonReload")).as("installed, then daemon-reloaded").isEqualTo("no");
        assertThat(show("User")).isEqualTo(USER);
        var mainPid = show("MainPID");
        assertThat(Long.parseLong(mainPid)).isPositive();
        var status = container.exec("cat", "/proc/" + mainPid + "/status").orFail().out();
        assertThat(status).containsPattern("(?m)^Uid:\\s+" + uid + "\\s+" + uid + "\\s+" + uid)
                .containsPattern("(?m)^Gid:\\s+" + gid + "\\s");
        assertThat(container.exec("cat", "/proc/" + mainPid + "/comm").orFail().out().trim()).isEqualTo("node");

        var envFile = "/etc/sites/shop-alive-test.env";
        assertThat(container.exec("stat", "-c", "%a %U %G", envFile).orFail().out().trim())
                .isEqualTo("640 root " + USER);
        assertThat(container.exec("cat", envFile).orFail().out()).contains("PORT=" + sitePort, "DOMAIN=" + DOMAIN);

        assertThat(curl("http://127.0.0.1:" + sitePort + "/health", null)).isEqualTo("200 ok");
        firstPage = curl("http://127.0.0.1:" + caddyPort + "/", DOMAIN);
        assertThat(firstPage).startsWith("200 ").contains("Hello from alive");
        assertThat(curl("http://127.0.0.1:" + caddyPort + "/", "other.alive.test")).doesNotContain("Hello from alive");
    }

    @Test
    @Order(2)
    void theRunningUnitIsHardenedAndLimitedAndStillServes() {
        var security = container.exec("systemd-analyze", "security", "--no-pager", UNIT).orFail();
        var matcher = EXPOSURE.matcher(security.out());
        assertThat(matcher.find()).as(security.toString()).isTrue();
        double exposure = Double.parseDouble(matcher.group(1));
        System.out.println("[nspawn] live systemd-analyze security " + UNIT + ": " + exposure);
        assertThat(exposure).as(security.out()).isLessThanOrEqualTo(1.5);
        assertThat(curl("http://127.0.0.1:" + caddyPort + "/", DOMAIN)).isEqualTo(firstPage);

        assertThat(show("MemoryMax")).isEqualTo(Long.toString(1L << 30));
        assertThat(show("CPUQuotaPerSecUSec")).isEqualTo("500ms");
        assertThat(show("LimitNPROC")).isEqualTo("512");
        assertThat(show("LimitNOFILE")).isEqualTo("65536");
        assertThat(show("TasksMax")).isEqualTo("512");
        assertThat(show("Restart")).isEqualTo("on-failure");
        assertThat(show("KillMode")).isEqualTo("mixed");
        assertThat(show("TimeoutStopUSec")).isEqualTo("10s");
        assertThat(show("StartLimitBurst")).isEqualTo("5");
        assertThat(show("StartLimitIntervalUSec")).isEqualTo("1min");
    }

    @Test
    @Order(3)
    void aNoOpApplyKeepsTheProcess() {
        var pid = show("MainPID");
        var invocation = show("InvocationID");
        var apply = alive("apply", SPEC);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains(" 0 ran");
        assertThat(show("MainPID")).isEqualTo(pid);
        assertThat(show("InvocationID")).isEqualTo(invocation);
    }

    @Test
    @Order(4)
    void aTemplateEditRestartsTheUnitOnce() throws IOException {
        var pid = show("MainPID");
        var invocation = show("InvocationID");
        int startsBefore = starts();
        var page = container.path("/srv/spec/template/src/index.html");
        Files.writeString(page, Files.readString(page).replace("Hello from alive", "Hello again from alive"));

        var apply = alive("apply", SPEC);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(show("MainPID")).isNotEqualTo(pid);
        assertThat(show("InvocationID")).isNotEqualTo(invocation);
        assertThat(starts() - startsBefore).as("starts of the unit during the apply").isEqualTo(1);
        assertThat(curl("http://127.0.0.1:" + caddyPort + "/", DOMAIN)).contains("Hello again from alive");
    }

    @Test
    @Order(5)
    void aStartCommandThatCrashesIsRolledBackWithTheJournalInTheErrorAndThePreviousReleaseServesAtOnce()
            throws Exception {
        var unitBefore = container.exec("cat", "/etc/systemd/system/" + UNIT).orFail().out();
        var pagesBefore = curl("http://127.0.0.1:" + caddyPort + "/", DOMAIN);
        writeSpec("node crash.js", "4s");
        SystemdContainer.Result apply;
        try {
            apply = alive("apply", SPEC);
        } finally {
            writeSpec("node server.js", "30s");
        }
        // first thing after the failed apply: the undo returned once the restored release answered
        var pageAfter = curl("http://127.0.0.1:" + caddyPort + "/", DOMAIN);
        assertThat(apply.exitCode()).as(apply.toString()).isNotZero();
        assertThat(apply.out()).as(apply.toString()).contains("rolled back", "health failed",
                "crash.js: giving up on purpose", UNIT + ": Main process exited, code=exited, status=3",
                "the restored release serves: GET ");
        assertThat(apply.out()).as("the journal lines quoted are the failing start's, not older invocations'")
                .doesNotContain("hello-alive serving");
        assertThat(pageAfter).isEqualTo(pagesBefore);

        assertThat(container.exec("cat", "/etc/systemd/system/" + UNIT).orFail().out()).isEqualTo(unitBefore);
        assertThat(show("ActiveState")).isEqualTo("active");
        assertThat(show("User")).isEqualTo(USER);
        assertThat(show("ExecStart")).contains("server.js");
    }

    /** Right after the failed apply: the undone tasks are as committed, which a rollback starts from. */
    @Test
    @Order(6)
    void rollbackRightAfterTheFailedApplyServesThePreviousReleaseUnderSystemd() {
        var pid = show("MainPID");
        var rollback = alive("rollback", SPEC);
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(show("MainPID")).isNotEqualTo(pid);
        assertThat(show("User")).isEqualTo(USER);
        assertThat(curl("http://127.0.0.1:" + caddyPort + "/", DOMAIN)).isEqualTo(firstPage);
    }

    @Test
    @Order(7)
    void destroyLeavesNothing() {
        var destroy = alive("destroy", SPEC);
        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();

        assertThat(show("LoadState")).isEqualTo("not-found");
        assertThat(show("ActiveState")).isEqualTo("inactive");
        assertThat(container.exec("test", "-e", "/etc/systemd/system/" + UNIT).ok()).as("unit file").isFalse();
        assertThat(container.exec("find", "/etc/systemd/system", "-name", "*" + UNIT + "*").orFail().out())
                .as("no enablement link left").isEmpty();
        assertThat(container.exec("getent", "passwd", USER).ok()).as("user").isFalse();
        assertThat(container.exec("getent", "group", USER).ok()).as("group").isFalse();
        assertThat(container.exec("test", "-e", "/etc/sites/shop-alive-test.env").ok()).as("env file").isFalse();
        assertThat(container.exec("test", "-e", "/srv/sites/" + DOMAIN).ok()).as("site folder").isFalse();
        assertThat(container.exec("grep", "-rl", DOMAIN, "/etc/caddy/sites").out()).as("Caddy site file").isEmpty();
        assertThat(container.exec("curl", "-sS", "http://" + caddyAdmin + "/config/").orFail().out())
                .as("Caddy's running config").doesNotContain(DOMAIN);
        assertThat(container.exec("ss", "-Hltn", "sport = :" + sitePort).orFail().out()).as("listening port").isBlank();
    }

    private void writeSpec(String start, String healthTimeout) throws IOException {
        Files.writeString(container.path(SPEC), """
                apiVersion: alive/v1
                kind: Site
                domain: %s
                owner:
                  email: owner@example.com
                template: ./template
                app:
                  install: npm install --no-audit --no-fund
                  build:
                    command: npm run build
                    outputs: [dist]
                  start: %s
                  env:
                    NODE_ENV: production
                health:
                  path: /health
                  timeout: %s
                """.formatted(DOMAIN, start, healthTimeout));
    }

    /** alive in its own JVM inside the container, with the production-based host file. */
    private SystemdContainer.Result alive(String... args) {
        var argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), "dev.alive.cli.Main"));
        argv.addAll(List.of(args));
        var env = new LinkedHashMap<String, String>();
        env.put("HOME", "/root");
        env.put("NO_COLOR", "1");
        env.put("ALIVE_HOST", "/srv/spec/host.yaml");
        env.put("ALIVE_OWNER_PASSWORD", "production profile owner");
        long t = System.nanoTime();
        var result = container.exec(Path.of("/srv/spec"), env, Duration.ofMinutes(3), argv);
        System.out.printf("[nspawn] alive %s: exit %d in %d ms%n", String.join(" ", args), result.exitCode(),
                Duration.ofNanos(System.nanoTime() - t).toMillis());
        return result;
    }

    private String show(String property) {
        return container.exec("systemctl", "show", "-p", property, "--value", UNIT).orFail().out().trim();
    }

    /** How often the unit was started, from its journal. */
    private int starts() {
        var journal = container.exec("journalctl", "--no-pager", "-o", "cat", "-u", UNIT).out();
        return (int) journal.lines().filter(l -> l.startsWith("Started " + UNIT)).count();
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
