package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.PlannedTask;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import dev.alive.specs.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redeploys of a live example site: what reruns, and what a failed redeploy leaves serving. */
@Tag("slow")
class RedeployTest {

    private static final String DOMAIN = TestHost.EXAMPLE_DOMAIN;
    private static final String PAGE = "<h1>Hello from alive</h1>";

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.local(dir);
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void templateEditRebuildsAndRestartsOnlyAndReusesTheInstalledDependencies() throws IOException {
        var site = host.site(DOMAIN);
        host.deploy(site).assertSucceeded();
        var before = Live.of(host, site);
        edit(site.template().resolve("src/index.html"), PAGE, "<h1>Hello again from alive</h1>");

        var plan = host.plan(site);
        var applied = host.apply(site).assertSucceeded();

        var release = plan.task(TaskId.of(DOMAIN, "release")).orElseThrow();
        assertThat(release.action()).isEqualTo(PlannedTask.Action.RUN);
        assertThat(release.reasons()).anyMatch(reason -> reason.contains("src/index.html"));
        assertThat(applied.ran(site)).containsExactly("activate", "build", "health", "register", "release");
        assertThat(applied.skipped(site)).contains("install", "port", "user", "env", "service", "proxy");
        var after = Live.of(host, site);
        assertThat(after.release()).isNotEqualTo(before.release());
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(after.port()).isEqualTo(before.port());
        assertThat(Files.readSymbolicLink(host.paths(site).release(after.release()).resolve("node_modules")))
                .isEqualTo(Files.readSymbolicLink(host.paths(site).release(before.release()).resolve("node_modules")));
        assertThat(host.paths(site).release(before.release())).isDirectory();
        assertThat(host.getThroughProxy(site, "/").body()).contains("Hello again from alive");
    }

    @Test
    void failedBuildRemovesTheNewReleaseAndLeavesTheOldOneServingWithTheSameProcess() throws IOException {
        var site = host.site(DOMAIN);
        host.deploy(site).assertSucceeded();
        var before = Live.of(host, site);
        edit(site.template().resolve("build.js"), "'use strict';", "'use strict';\nthrow new Error('broken on purpose');");

        var applied = host.apply(site);

        assertThat(applied.result().succeeded()).isFalse();
        assertThat(applied.unit(site).outcome()).as("%s", applied).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(applied.unit(site).failure().orElseThrow().task()).isEqualTo(TaskId.of(DOMAIN, "build"));
        assertThat(applied.unit(site).failure().orElseThrow().message()).contains("broken on purpose");
        assertThat(children(host.paths(site).releasesDir())).containsExactly(before.release());
        assertThat(Live.of(host, site)).isEqualTo(before);
        assertThat(host.getThroughProxy(site, "/").body()).contains(PAGE);
        assertThat(children(host.root().resolve("work/runs"))).as("backups of the run").isEmpty();
    }

    @Test
    void revertingAFailedRedeployKeepsTheLiveReleaseAsItIs() throws IOException {
        var site = host.site(DOMAIN);
        host.deploy(site).assertSucceeded();
        var before = Live.of(host, site);
        var page = host.paths(site).release(before.release()).resolve("dist/index.html");
        var built = Files.getLastModifiedTime(page);
        var buildJs = site.template().resolve("build.js");
        var original = Files.readString(buildJs);
        edit(buildJs, "'use strict';", "'use strict';\nthrow new Error('broken on purpose');");
        assertThat(host.apply(site).result().succeeded()).isFalse();
        Files.writeString(buildJs, original);

        var reverted = host.apply(site).assertSucceeded();

        assertThat(reverted.ran(site)).as("%s", reverted).contains("build");
        assertThat(reverted.events().lines()).anyMatch(line -> line.contains("not rebuilt in place"));
        assertThat(Files.getLastModifiedTime(page)).isEqualTo(built);
        assertThat(Live.of(host, site)).isEqualTo(before);
    }

    @Test
    void envChangeWhoseHealthCheckFailsLeavesTheOldReleaseRunningWithTheOldEnv() throws IOException {
        var site = host.site(DOMAIN, yaml -> withEnv(yaml, "hello"));
        prepend(site.template().resolve("server.js"),
                "if (process.env.GREETING === 'broken') { console.error('GREETING is broken'); process.exit(1); }\n");
        host.deploy(site).assertSucceeded();
        var before = Live.of(host, site);
        var broken = host.site(DOMAIN, yaml -> withEnv(yaml, "broken"));

        var applied = host.apply(broken);

        assertThat(applied.unit(broken).outcome()).as("%s", applied).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(applied.unit(broken).failure().orElseThrow().task()).isEqualTo(TaskId.of(DOMAIN, "health"));
        assertThat(applied.unit(broken).failure().orElseThrow().message()).contains("GREETING is broken");
        var after = Live.of(host, site);
        assertThat(after.release()).isEqualTo(before.release());
        assertThat(Files.readString(host.paths(site).envFile())).contains("GREETING=hello");
        assertThat(environ(after.pid())).contains("GREETING=hello");
        assertThat(host.getDirectOnceListening(site, "/").body()).contains(PAGE);
    }

    @Test
    void startCommandThatNeverListensIsRolledBackToTheOldCommand() throws IOException {
        var site = host.site(DOMAIN, RedeployTest::shortHealthTimeout);
        Files.writeString(site.template().resolve("idle.js"), "setInterval(() => {}, 1000);\n");
        host.deploy(site).assertSucceeded();
        var before = Live.of(host, site);
        var idle = host.site(DOMAIN, yaml -> shortHealthTimeout(yaml).replace("start: node server.js", "start: node idle.js"));

        var applied = host.apply(idle);

        assertThat(applied.unit(idle).outcome()).as("%s", applied).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(applied.unit(idle).failure().orElseThrow().task()).isEqualTo(TaskId.of(DOMAIN, "health"));
        var after = Live.of(host, site);
        assertThat(after.release()).isEqualTo(before.release());
        assertThat(commandLine(after.pid())).contains("server.js").doesNotContain("idle.js");
        assertThat(host.getDirectOnceListening(site, "/").body()).contains(PAGE);
        assertThat(host.deployments().host().root().resolve("services/" + site.slug() + ".service"))
                .content().contains("start=node server.js");
    }

    /** What is live of the site: the release the state store names, the link, the process, the port. */
    record Live(String release, String link, long pid, int port) {
        static Live of(TestHost host, Site site) throws IOException {
            var row = host.deployments().domain(site.domain()).orElseThrow();
            return new Live(row.currentRelease(), Files.readSymbolicLink(host.paths(site).currentLink()).toString(),
                    host.pid(site).orElseThrow(() -> new AssertionError("the app is not running")), row.port());
        }
    }

    static String shortHealthTimeout(String yaml) {
        return yaml.replace("timeout: 30s", "timeout: 5s");
    }

    private static String withEnv(String yaml, String greeting) {
        return shortHealthTimeout(yaml).replace("    NODE_ENV: production", "    NODE_ENV: production\n    GREETING: " + greeting);
    }

    static void edit(Path file, String from, String to) throws IOException {
        var text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void prepend(Path file, String text) throws IOException {
        Files.writeString(file, text + Files.readString(file));
    }

    static java.util.List<String> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String environ(long pid) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"))).replace('\0', '\n');
    }

    private static String commandLine(long pid) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
    }
}
