package dev.alive.cli.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
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
 * The platform's template, {@code specs/examples/vite-react}, deployed on a real systemd with a
 * host file based on {@code production}: the site user's {@code npm ci} installs bun, Vite and
 * React from the npm registry, {@code bun run build} writes dist/, and the unit runs
 * {@code bun server.ts} as {@code site-<slug>} under the full hardening. Then the live exposure
 * score, a no-op apply, a tampered dist/ (only the build reruns) and destroy. One container for
 * the class; the tests run in order, each on the site the one before left. Prints the apply times.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViteReactOnSystemdTest {
    static final String DOMAIN = "vite-react.alive.test";
    static final String SLUG = "vite-react-alive-test";
    static final String USER = "site-" + SLUG;
    static final String UNIT = "site@" + SLUG + ".service";
    static final String SPEC = ProductionHost.SPEC_DIR + "/site.yaml";
    static final Path EXAMPLE = Containers.CHECKOUT.resolve("specs/examples/vite-react");
    static final Duration APPLY_TIMEOUT = Duration.ofMinutes(10);
    static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" crossorigin src=\"(/assets/index-[A-Za-z0-9_-]+\\.js)\">");
    static final Pattern COMPLETE = Pattern.compile("Apply complete: (\\d+) ran, (\\d+) up to date, ([0-9.]+) s");
    static final Pattern TASK_DONE = Pattern.compile("✓ " + Pattern.quote(DOMAIN) + "/(\\S+) ([0-9.]+) s");

    SystemdContainer container;
    ProductionHost host;
    long started;
    int tasks;
    String script;

    @BeforeAll
    void bootAndCopyTheExample() throws Exception {
        started = System.nanoTime();
        container = Containers.bootOrSkip("vite");
        host = ProductionHost.prepare(container, "vite-react owner password");
        container.exec("cp", EXAMPLE.resolve("site.yaml").toString(), SPEC).orFail();
        container.exec("cp", "-r", EXAMPLE.resolve("template").toString(), ProductionHost.SPEC_DIR + "/template").orFail();
        // a developer's checkout may hold these; the release leaves them out, but the test starts clean
        container.exec("rm", "-rf", ProductionHost.SPEC_DIR + "/template/node_modules",
                ProductionHost.SPEC_DIR + "/template/dist").orFail();
    }

    @AfterAll
    void stop() {
        Containers.stop(container, getClass(), started);
    }

    @Test
    @Order(1)
    void firstDeployRunsBunAsTheSiteUserAndServesTheAppOnThePortAndThroughCaddy() throws IOException {
        var apply = apply("first deploy");
        var complete = complete(apply);
        assertThat(complete.group(2)).as("up to date on a first deploy").isEqualTo("0");
        tasks = Integer.parseInt(complete.group(1));

        var uid = container.exec("id", "-u", USER).orFail().out().trim();
        assertThat(show("ActiveState")).isEqualTo("active");
        assertThat(show("User")).isEqualTo(USER);
        var mainPid = show("MainPID");
        assertThat(Long.parseLong(mainPid)).isPositive();
        assertThat(container.exec("cat", "/proc/" + mainPid + "/status").orFail().out())
                .containsPattern("(?m)^Uid:\\s+" + uid + "\\s+" + uid + "\\s+" + uid + "\\s");
        // the bun package's postinstall puts the platform binary at node_modules/bun/bin/bun.exe
        var exe = container.exec("readlink", "/proc/" + mainPid + "/exe").orFail().out().trim();
        assertThat(exe).as("the unit's main process").startsWith("/srv/sites/" + DOMAIN + "/")
                .contains("/node_modules/").matches(".*/bun(\\.exe)?");
        assertThat(container.exec(exe, "--version").orFail().out().trim()).as(exe).isEqualTo(pinnedBun());
        var cmdline = container.exec("cat", "/proc/" + mainPid + "/cmdline").orFail().out().split("\0");
        assertThat(cmdline).as("argv of pid " + mainPid).contains("server.ts");

        assertThat(host.get("/health", null)).isEqualTo("200 ok");
        script = servesTheApp();
        // every write inside lands in the container's tmpfs (the overlay's upper layer): print what it holds
        System.out.println("[nspawn] after the first deploy, / inside: "
                + container.exec("df", "-h", "--output=fstype,size,used,avail", "/").orFail().out().replaceAll("\\s+", " ")
                + "; the site folder: " + container.exec("du", "-h", "-d1", "/srv/sites/" + DOMAIN).orFail().out()
                .replaceAll("\\s+", " "));
    }

    @Test
    @Order(2)
    void theRunningUnitIsHardenedAndBunStillServes() {
        var exposure = host.exposure(UNIT);
        assertThat(exposure.score()).as(exposure.report()).isLessThanOrEqualTo(1.5);
        assertThat(host.get("/health", null)).isEqualTo("200 ok");
        assertThat(servesTheApp()).isEqualTo(script);
        assertThat(container.exec("journalctl", "--no-pager", "-o", "cat", "-u", UNIT).orFail().out())
                .as("the server's own line, in the journal").contains("vite-react-alive serving " + DOMAIN);
    }

    @Test
    @Order(3)
    void aliveLogsReadsTheUnitsJournalAndHistoryKeepsTheFirstDeploysInstallOutput() {
        var logs = host.alive(APPLY_TIMEOUT, "logs", DOMAIN, "--lines", "50").orFail();
        assertThat(logs.out()).as("alive logs, from journald").contains("vite-react-alive serving " + DOMAIN);
        var recent = host.alive(APPLY_TIMEOUT, "logs", DOMAIN, "--since", "10m").orFail();
        assertThat(recent.out()).contains("vite-react-alive serving " + DOMAIN);

        var history = host.alive(APPLY_TIMEOUT, "history", DOMAIN, "--json").orFail().out();
        var runIds = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)\"").matcher(history).results()
                .map(m -> m.group(1)).toList();
        assertThat(runIds).as(history).isNotEmpty();
        var firstRun = runIds.get(runIds.size() - 1);
        var log = host.alive(APPLY_TIMEOUT, "history", DOMAIN, "--run", firstRun, "--log").orFail().out();
        assertThat(log).as("npm ci's and the build's output, kept with the run")
                .containsPattern("added [0-9]+ packages").contains("vite");
    }

    @Test
    @Order(4)
    void aNoOpApplySkipsTheBuildAndKeepsTheProcess() {
        var pid = show("MainPID");
        var invocation = show("InvocationID");
        var apply = apply("no-op apply");
        var complete = complete(apply);
        assertThat(complete.group(1)).as(apply.out()).isEqualTo("0");
        assertThat(complete.group(2)).as(apply.out()).isEqualTo(Integer.toString(tasks));
        assertThat(apply.out()).doesNotContain("✓");
        assertThat(show("MainPID")).isEqualTo(pid);
        assertThat(show("InvocationID")).isEqualTo(invocation);
    }

    @Test
    @Order(5)
    void aTamperedDistInTheLiveReleaseRerunsOnlyTheBuild() throws Exception {
        var pid = show("MainPID");
        var release = container.exec("readlink", "-e", "/srv/sites/" + DOMAIN + "/current").orFail().out().trim();
        Files.writeString(container.path(release + "/dist/index.html"), "tampered");
        assertThat(host.get("/", null)).isEqualTo("200 tampered");

        var plan = host.alive(APPLY_TIMEOUT, "plan", SPEC);
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("~ build  (output 'output:dist' drifted: index.html)").contains("Plan: 1 to run");
        var apply = apply("rebuild of a tampered dist");
        var complete = complete(apply);
        assertThat(complete.group(1)).as(apply.out()).isEqualTo("1");
        assertThat(complete.group(2)).as(apply.out()).isEqualTo(Integer.toString(tasks - 1));
        var done = TASK_DONE.matcher(apply.out());
        assertThat(done.find()).as(apply.out()).isTrue();
        assertThat(done.group(1)).isEqualTo("build");
        assertThat(show("MainPID")).as("the server keeps running").isEqualTo(pid);
        assertThat(servesTheApp()).as("the same build, the same hashed name").isEqualTo(script);
    }

    @Test
    @Order(6)
    void destroyLeavesNoUnitUserOrSiteFolder() {
        var destroy = host.alive(APPLY_TIMEOUT, "destroy", SPEC);
        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();

        host.assertNoSiteLeft(UNIT, USER, DOMAIN);
        assertThat(container.exec("pgrep", "-f", "server.ts").ok())
                .as("a bun left running").isFalse();
    }

    /** Applies the spec, expecting success; prints the apply's time and its tasks' times. */
    private SystemdContainer.Result apply(String what) {
        var result = host.alive(APPLY_TIMEOUT, "apply", SPEC);
        assertThat(result.exitCode()).as(what + ": " + result).isZero();
        var times = new StringBuilder();
        var done = TASK_DONE.matcher(result.out());
        while (done.find()) {
            times.append(", ").append(done.group(1)).append(' ').append(done.group(2)).append(" s");
        }
        var complete = COMPLETE.matcher(result.out());
        System.out.printf("[nspawn] vite-react %s: %s%s%n", what, complete.find() ? complete.group(3) + " s" : "?", times);
        return result;
    }

    private static Matcher complete(SystemdContainer.Result apply) {
        var complete = COMPLETE.matcher(apply.out());
        assertThat(complete.find()).as("an 'Apply complete' line in %s", apply).isTrue();
        return complete;
    }

    /**
     * index.html (React's root, one module script) and that script, on the site's port and through
     * Caddy with the Host header, the same bytes both ways. Returns the script's path.
     */
    private String servesTheApp() {
        var index = host.get("/", null);
        assertThat(index).startsWith("200 ").contains("<div id=\"root\"></div>");
        var found = SCRIPT.matcher(index);
        assertThat(found.find()).as("a module script in %s", index).isTrue();
        var path = found.group(1);
        var asset = host.get(path, null);
        assertThat(asset).startsWith("200 ").contains("Hello from alive").contains("react.transitional.element");
        assertThat(host.get("/", DOMAIN)).isEqualTo(index);
        assertThat(host.get(path, DOMAIN)).isEqualTo(asset);
        assertThat(host.get("/", "other.alive.test")).doesNotContain("<div id=\"root\">");
        return path;
    }

    /** The bun version the example's package.json pins. */
    private static String pinnedBun() throws IOException {
        var pin = Pattern.compile("\"bun\": \"([0-9.]+)\"").matcher(Files.readString(EXAMPLE.resolve("template/package.json")));
        assertThat(pin.find()).as("bun pinned in the example's package.json").isTrue();
        return pin.group(1);
    }

    private String show(String property) {
        return host.show(UNIT, property);
    }
}
