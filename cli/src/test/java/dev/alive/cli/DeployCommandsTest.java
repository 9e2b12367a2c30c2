package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply, plan, status, history and destroy on a real site (local processes, SQLite, no proxy). */
@Tag("slow")
class DeployCommandsTest {

    static final String DOMAIN = "deploy.alive.test";

    @TempDir
    Path dir;

    Workspace workspace;
    Path spec;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir).host("none");
        spec = workspace.quickSite("deploy", DOMAIN);
    }

    @AfterEach
    void destroySite() {
        workspace.run("destroy", spec.toString());
    }

    private Workspace.Result apply(String... extra) {
        var args = new ArrayList<>(List.of("apply", spec.toString()));
        args.addAll(List.of(extra));
        return workspace.run(args.toArray(String[]::new));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void planAfterApplyHasNoChangesAndExitsZeroWithDetailedExitcode() {
        var first = apply();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).containsPattern("Apply complete: 11 ran, 0 up to date, [0-9.]+ s");
        assertThat(first.err()).isEmpty();

        var plan = workspace.run("plan", "--detailed-exitcode", spec.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).isEqualTo(DOMAIN + "\n  = 11 up to date\nNo changes. 11 up to date.\n");

        var again = apply();
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).containsPattern("Apply complete: 0 ran, 11 up to date");
    }

    @Test
    void planAfterATemplateEditNamesTheFileAndExactlyTheTasksItAffects() throws Exception {
        assertThat(apply().exitCode()).isZero();
        workspace.env.remove("ALIVE_OWNER_PASSWORD");
        Workspace.edit(spec.resolveSibling("template/src/index.html"), "</body>", "<p>edited</p></body>");

        var plan = workspace.run("plan", "--detailed-exitcode", spec.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.CHANGES);
        assertThat(plan.out()).contains("  ~ release  (input 'template' changed: src/index.html)")
                .contains("Plan: 1 to run, 4 known after apply, 6 up to date.");

        var json = json(workspace.run("plan", "--json", spec.toString()).out());
        var notUpToDate = new HashMap<String, String>();
        json.get("sites").get(0).get("tasks").forEach(task -> {
            if (!task.get("action").asText().equals("up_to_date")) {
                notUpToDate.put(task.get("name").asText(), task.get("action").asText());
            }
        });
        assertThat(notUpToDate).containsOnly(
                java.util.Map.entry("release", "run"), java.util.Map.entry("build", "known_after_apply"),
                java.util.Map.entry("activate", "known_after_apply"), java.util.Map.entry("health", "known_after_apply"),
                java.util.Map.entry("register", "known_after_apply"));

        var applied = apply("--json");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(json(applied.out()).get("sites").get(0).get("ran")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(DOMAIN + "/release", DOMAIN + "/build", DOMAIN + "/activate",
                        DOMAIN + "/health", DOMAIN + "/register");
        assertThat(Workspace.get(workspace.sitePort, "/", null).body()).contains("<p>edited</p>");
    }

    @Test
    void applyJsonIsOneDocumentWithoutProgressLines() throws Exception {
        var result = apply("--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        var json = json(result.out());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        var site = json.get("sites").get(0);
        assertThat(site.get("site").asText()).isEqualTo(DOMAIN);
        assertThat(site.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(site.get("ran")).hasSize(11);
        assertThat(site.get("upToDate")).isEmpty();
        assertThat(site.get("failure").isNull()).isTrue();
        assertThat(result.out().strip()).startsWith("{").endsWith("}");
        assertThat(result.out()).doesNotContain("✓").doesNotContain("correct horse");
    }

    @Test
    void statusAndHistoryDescribeTheSiteAfterAnApply() throws Exception {
        var applied = json(apply("--json").out());
        var runId = applied.get("sites").get(0).get("runId").asText();

        var status = workspace.run("status", "--json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        var row = json(status.out()).get("sites").get(0);
        assertThat(row.get("domain").asText()).isEqualTo(DOMAIN);
        assertThat(row.get("port").asInt()).isEqualTo(workspace.sitePort);
        assertThat(row.get("status").asText()).isEqualTo("active");
        assertThat(row.get("release").asText()).matches("[0-9a-f]{12}");
        assertThat(row.get("lastRun").asText()).isEqualTo(runId);
        assertThat(row.get("lastOutcome").asText()).isEqualTo("succeeded");
        assertThat(Workspace.get(row.get("port").asInt(), "/health", null).body()).isEqualTo("ok");

        var table = workspace.run("status", DOMAIN);
        assertThat(table.out()).contains("DOMAIN").contains(DOMAIN).contains(String.valueOf(workspace.sitePort))
                .contains(row.get("release").asText()).contains("succeeded");

        var history = workspace.run("history", DOMAIN, "--json");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        var run = json(history.out()).get("runs").get(0);
        assertThat(json(history.out()).get("formatVersion").asInt()).isEqualTo(1);
        assertThat(run.get("runId").asText()).isEqualTo(runId);
        assertThat(run.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(run.get("events").findValuesAsText("task")).contains("dns", "account", "release", "register");
        assertThat(run.get("events").toString()).contains("no committed state");

        var text = workspace.run("history", DOMAIN);
        assertThat(text.out()).contains(runId).contains("succeeded").contains("    started release: no committed state");
    }

    @Test
    void failedApplyIsRolledBackAndExitsOne() throws Exception {
        Workspace.edit(spec, "start: node server.js", "start: node -e \"setInterval(() => {}, 1000)\"");
        Workspace.edit(spec, "timeout: 10s", "timeout: 1s");
        var result = apply();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out()).contains(DOMAIN + ": health failed:")
                .contains("did not answer 2xx/3xx within 1 s")
                .contains("the site is as it was before this run.")
                .containsPattern("Apply failed: 1 of 1 sites not applied");
        assertThat(result.err()).isEmpty();
        assertThat(dir.resolve("root/sites/" + DOMAIN + "/current")).doesNotExist();
        var status = json(workspace.run("status", "--json").out());
        assertThat(status.get("sites")).isEmpty();
    }

    @Test
    void rollbackThatLeavesSomethingBehindExitsThree() {
        workspace.env.put("ALIVE_FAULTS", DOMAIN + "/health,undo:" + DOMAIN + "/release");
        var result = apply();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ROLLBACK_INCOMPLETE);
        assertThat(result.out()).contains("fault injected at " + DOMAIN + "/health")
                .contains("ROLLBACK INCOMPLETE, left behind: " + DOMAIN + "/release (its undo failed")
                .contains("apply again: it finishes the rollback first");

        workspace.env.remove("ALIVE_FAULTS");
        var again = apply();
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    @Test
    void destroyRemovesTheSiteAndStopsItsService() throws Exception {
        assertThat(apply().exitCode()).isZero();
        var dryRun = workspace.run("destroy", "--dry-run", spec.toString());
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("  - " + DOMAIN + "/register").contains("Nothing was changed (dry run).");
        assertThat(Workspace.get(workspace.sitePort, "/health", null).statusCode()).isEqualTo(200);

        var destroy = workspace.run("destroy", spec.toString());
        assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
        assertThat(destroy.out()).endsWith("Destroyed " + DOMAIN + ".\n");
        assertThat(dir.resolve("root/sites/" + DOMAIN)).doesNotExist();
        assertThat(Files.list(dir.resolve("root/env"))).isEmpty();
        assertThat(workspace.run("status").out()).isEqualTo("No sites.\n");
        assertThat(portAnswers(workspace.sitePort)).isFalse();
    }

    static boolean portAnswers(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
