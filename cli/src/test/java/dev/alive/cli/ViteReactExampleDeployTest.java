package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's template, {@code specs/examples/vite-react}, deployed as an operator does it:
 * {@code bin/alive apply} on a copy of the example (so edits stay in the test), with the local
 * host profile and Caddy on free ports. {@code npm ci} installs bun, Vite and React from the
 * committed lock file; {@code bun run build} writes dist/; {@code bun server.ts} serves it. Then a
 * no-op apply, a tampered dist/, a source edit and a package.json edit, each rerunning exactly what
 * depends on it. Prints the install, build and first-deploy times.
 */
@Tag("slow")
class ViteReactExampleDeployTest {

    static final Path EXAMPLE = Workspace.EXAMPLE.resolveSibling("vite-react");
    static final String DOMAIN = "vite-react.alive.test";
    static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" crossorigin src=\"(/assets/index-[A-Za-z0-9_-]+\\.js)\">");
    static final Pattern STARTED = Pattern.compile("started release [0-9a-f]{12} \\(pid ([0-9]+)\\)");
    static final Pattern TASK_TIME = Pattern.compile("✓ vite-react\\.alive\\.test/(install|build) ([0-9.]+) s");
    static final Pattern APPLY_TIME = Pattern.compile("Apply complete: .*, ([0-9.]+) s");

    @TempDir
    Path dir;

    BinAlive shell;
    Path spec;
    Path template;

    @BeforeEach
    void copyOfTheExampleWithAStrayCheckoutState() throws IOException {
        shell = new BinAlive(dir);
        shell.env.put("ALIVE_OWNER_PASSWORD", "example owner password");
        Workspace.copy(EXAMPLE, dir.resolve("vite-react"));
        spec = dir.resolve("vite-react/site.yaml");
        template = dir.resolve("vite-react/template");
        // what a developer's checkout of the template may hold: neither is copied into a release
        write(template.resolve("node_modules/stray/index.js"), "stray");
        write(template.resolve("dist/stale.html"), "stale");
    }

    @AfterEach
    void destroyAndStopCaddy() throws Exception {
        shell.alive("destroy", spec.toString());
        shell.stopCaddy();
    }

    @Test
    void buildsWithBunServesDistThroughCaddyAndRerunsOnlyWhatAnEditTouches() throws Exception {
        var times = new LinkedHashMap<String, String>();

        var first = apply("first deploy", times);
        assertThat(first.out()).containsPattern("Apply complete: 13 ran, 0 up to date, [0-9.]+ s");
        long firstPid = pid(first);
        var status = shell.alive("status", "--json");
        var site = new ObjectMapper().readTree(status.out()).get("sites").get(0);
        assertThat(site.get("domain").asText()).isEqualTo(DOMAIN);
        assertThat(site.get("port").asInt()).isEqualTo(shell.sitePort);
        assertThat(site.get("status").asText()).isEqualTo("active");
        var health = Workspace.get(shell.sitePort, "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok");
        var script = servesTheApp("Hello from alive");

        var release = shell.sites().resolve(DOMAIN).resolve("current").toRealPath();
        assertThat(release.resolve("dist/index.html")).isRegularFile();
        assertThat(release.resolve("dist/stale.html")).doesNotExist();
        assertThat(release.resolve("node_modules")).isSymbolicLink();
        assertThat(release.resolve("node_modules/stray")).doesNotExist();
        assertThat(release.resolve("node_modules/.bin/bun")).isExecutable();

        var plan = shell.alive("plan", spec.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
        var noOp = apply("no-op apply", times);
        assertThat(noOp.out()).containsPattern("Apply complete: 0 ran, 13 up to date, [0-9.]+ s").doesNotContain("✓");
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).as("server of the first deploy").contains(true);

        // dist/ is recorded by fingerprint: an edit of the live build output is drift, and only the build reruns
        Files.writeString(release.resolve("dist/index.html"), "tampered");
        var drift = shell.alive("plan", spec.toString());
        assertThat(drift.out()).contains("~ build  (output 'output:dist' drifted: index.html)").contains("Plan: 1 to run");
        var rebuilt = apply("rebuild of a tampered dist", times);
        assertThat(rebuilt.out()).containsPattern("Apply complete: 1 ran, 12 up to date");
        assertThat(servesTheApp("Hello from alive")).isEqualTo(script);

        Workspace.edit(template.resolve("src/App.tsx"), "Hello from alive", "Hello again from alive");
        var edited = apply("source edit", times);
        assertThat(edited.out()).containsPattern("Apply complete: 5 ran, 8 up to date")
                .contains("~ vite-react.alive.test/build").contains("~ vite-react.alive.test/activate")
                .doesNotContain("vite-react.alive.test/install");
        assertThat(pid(edited)).isNotEqualTo(firstPid);
        awaitGone(firstPid);
        assertThat(servesTheApp("Hello again from alive")).as("the asset's hashed name").isNotEqualTo(script);

        Workspace.edit(template.resolve("package.json"), "\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"");
        var repackaged = apply("package.json edit", times);
        assertThat(repackaged.out()).containsPattern("Apply complete: 6 ran, 7 up to date")
                .contains("~ vite-react.alive.test/install  (input 'packages' changed: package.json)")
                .contains("~ vite-react.alive.test/build");
        servesTheApp("Hello again from alive");

        times.forEach((what, seconds) -> System.out.println("vite-react " + what + ": " + seconds));
    }

    /** Applies the copy's spec; records the apply's time and its install and build times. */
    private Workspace.Result apply(String what, Map<String, String> times) throws Exception {
        var result = shell.alive("apply", spec.toString());
        assertThat(result.exitCode()).as(what + ": " + result).isZero();
        var total = APPLY_TIME.matcher(result.out());
        var tasks = TASK_TIME.matcher(result.out());
        var text = new StringBuilder(total.find() ? total.group(1) + " s" : "?");
        while (tasks.find()) {
            text.append(", ").append(tasks.group(1)).append(' ').append(tasks.group(2)).append(" s");
        }
        times.put(what, text.toString());
        return result;
    }

    /**
     * The index page (React's root, one module script) and its script, on the port and through
     * Caddy alike; the script holds {@code text}, which App.tsx renders. Returns the script's path.
     */
    private String servesTheApp(String text) {
        var index = Workspace.get(shell.sitePort, "/", null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<div id=\"root\"></div>");
        var script = SCRIPT.matcher(index.body());
        assertThat(script.find()).as("a module script in %s", index.body()).isTrue();
        var asset = Workspace.get(shell.sitePort, script.group(1), null);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.body()).contains(text).contains("react.transitional.element");

        var proxiedIndex = Workspace.get(shell.caddyPort, "/", DOMAIN);
        assertThat(proxiedIndex.statusCode()).isEqualTo(200);
        assertThat(proxiedIndex.body()).isEqualTo(index.body());
        var proxiedAsset = Workspace.get(shell.caddyPort, script.group(1), DOMAIN);
        assertThat(proxiedAsset.statusCode()).isEqualTo(200);
        assertThat(proxiedAsset.body()).isEqualTo(asset.body());
        return script.group(1);
    }

    private static long pid(Workspace.Result apply) {
        var started = STARTED.matcher(apply.out());
        assertThat(started.find()).as("a started server in %s", apply.out()).isTrue();
        return Long.parseLong(started.group(1));
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the replaced server, pid " + pid)
                .isNotEqualTo(java.util.Optional.of(true));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
