package dev.alive.cli.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * systemd: alive runs inside a {@link SystemdContainer} as an operator runs it (a
 * {@link ProductionHost}: its own JVM, a host file based on {@code production} with ports of its
 * own), and every claim is checked on the system itself: the user, the unit, the process's uid,
 * the env file, Caddy, the live exposure score, the limits, redeploys, a failed start rolled back,
 * rollback and destroy. One container for the class; the tests run in order, each on the site the
 * one before left.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionProfileTest {
    static final String DOMAIN = "shop.alive.test";
    static final String USER = "site-shop-alive-test";
    static final String UNIT = "site@shop-alive-test.service";
    static final String SPEC = ProductionHost.SPEC_DIR + "/site.yaml";
    static final String TEMPLATE = ProductionHost.SPEC_DIR + "/template";
    static final Duration ALIVE_TIMEOUT = Duration.ofMinutes(3);

    SystemdContainer container;
    ProductionHost host;
    long started;
    String firstPage;

    @BeforeAll
    void bootAndPrepareTheHost() throws Exception {
        started = System.nanoTime();
        container = Containers.bootOrSkip("prod");
        host = ProductionHost.prepare(container, "production profile owner");
        container.exec("cp", "-r", Containers.CHECKOUT.resolve("specs/examples/hello/template").toString(), TEMPLATE).orFail();
        container.exec("rm", "-rf", TEMPLATE + "/dist", TEMPLATE + "/node_modules").orFail();
        Files.writeString(container.path(TEMPLATE + "/crash.js"),
                "console.error('crash.js: giving up on purpose');\nprocess.exit(3);\n");
        writeSpec("node server.js", "30s");
    }

    @AfterAll
    void stop() {
        Containers.stop(container, getClass(), started);
    }

    @Test
    @Order(1)
    void firstDeployCreatesTheUserStartsTheUnitAsItAndRoutesThroughCaddy() throws Exception {
        var apply = host.alive(ALIVE_TIMEOUT, "apply", SPEC);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();

        var uid = container.exec("id", "-u", USER).orFail().out().trim();
        var gid = container.exec("id", "-g", USER).orFail().out().trim();
        assertThat(container.exec("getent", "group", USER).orFail().out()).startsWith(USER + ":x:" + gid + ":");
        assertThat(Files.readString(Path.of("/etc/passwd"))).as("the host has no such user").doesNotContain(USER + ":");

        var unitFile = show("FragmentPath");
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
        assertThat(container.exec("cat", envFile).orFail().out()).contains("PORT=" + host.sitePort, "DOMAIN=" + DOMAIN);

        assertThat(host.get("/health", null)).isEqualTo("200 ok");
        firstPage = host.get("/", DOMAIN);
        assertThat(firstPage).startsWith("200 ").contains("Hello from alive");
        assertThat(host.get("/", "other.alive.test")).doesNotContain("Hello from alive");
    }

    @Test
    @Order(2)
    void theRunningUnitIsHardenedAndLimitedAndStillServes() {
        var exposure = host.exposure(UNIT);
        assertThat(exposure.score()).as(exposure.report()).isLessThanOrEqualTo(1.5);
        assertThat(host.get("/", DOMAIN)).isEqualTo(firstPage);

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
        var apply = host.alive(ALIVE_TIMEOUT, "apply", SPEC);
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
        var page = container.path(TEMPLATE + "/src/index.html");
        Files.writeString(page, Files.readString(page).replace("Hello from alive", "Hello again from alive"));

        var apply = host.alive(ALIVE_TIMEOUT, "apply", SPEC);
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(show("MainPID")).isNotEqualTo(pid);
        assertThat(show("InvocationID")).isNotEqualTo(invocation);
        assertThat(starts() - startsBefore).as("starts of the unit during the apply").isEqualTo(1);
        assertThat(host.get("/", DOMAIN)).contains("Hello again from alive");
    }

    @Test
    @Order(5)
    void aStartCommandThatCrashesIsRolledBackWithTheJournalInTheErrorAndThePreviousReleaseServesAtOnce()
            throws Exception {
        var unitBefore = container.exec("cat", "/etc/systemd/system/" + UNIT).orFail().out();
        var pagesBefore = host.get("/", DOMAIN);
        writeSpec("node crash.js", "4s");
        SystemdContainer.Result apply;
        try {
            apply = host.alive(ALIVE_TIMEOUT, "apply", SPEC);
        } finally {
            writeSpec("node server.js", "30s");
        }
        // first thing after the failed apply: the undo returned once the restored release answered
        var pageAfter = host.get("/", DOMAIN);
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
        var rollback = host.alive(ALIVE_TIMEOUT, "rollback", SPEC);
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(show("MainPID")).isNotEqualTo(pid);
        assertThat(show("User")).isEqualTo(USER);
        assertThat(host.get("/", DOMAIN)).isEqualTo(firstPage);
    }

    @Test
    @Order(7)
    void destroyLeavesNothing() {
        var destroy = host.alive(ALIVE_TIMEOUT, "destroy", SPEC);
        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();

        host.assertNoSiteLeft(UNIT, USER, DOMAIN);
        assertThat(container.exec("test", "-e", "/etc/sites/shop-alive-test.env").ok()).as("env file").isFalse();
        assertThat(container.exec("grep", "-rl", DOMAIN, "/etc/caddy/sites").out()).as("Caddy site file").isEmpty();
        assertThat(container.exec("curl", "-sS", "http://" + host.caddyAdmin + "/config/").orFail().out())
                .as("Caddy's running config").doesNotContain(DOMAIN);
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

    private String show(String property) {
        return host.show(UNIT, property);
    }

    /** How often the unit was started, from its journal. */
    private int starts() {
        var journal = container.exec("journalctl", "--no-pager", "-o", "cat", "-u", UNIT).out();
        return (int) journal.lines().filter(l -> l.startsWith("Started " + UNIT)).count();
    }
}
