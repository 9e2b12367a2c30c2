package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** releases and rollback on a real site that has been applied twice (two retained releases). */
@Tag("slow")
class RollbackCommandTest {

    static final String DOMAIN = "back.alive.test";

    @TempDir
    Path dir;

    Workspace workspace;
    Path spec;
    String first;
    String second;

    @BeforeEach
    void applyTwoReleases() throws Exception {
        workspace = new Workspace(dir).host("none");
        spec = workspace.quickSite("back", DOMAIN);
        assertThat(workspace.run("apply", spec.toString()).exitCode()).isZero();
        workspace.env.remove("ALIVE_OWNER_PASSWORD");
        first = currentRelease();
        Workspace.edit(spec.resolveSibling("template/src/index.html"), "</body>", "<p>second</p></body>");
        assertThat(workspace.run("apply", spec.toString()).exitCode()).isZero();
        second = currentRelease();
        assertThat(second).isNotEqualTo(first);
    }

    @AfterEach
    void destroySite() {
        workspace.run("destroy", spec.toString());
    }

    private String currentRelease() throws Exception {
        return json(workspace.run("releases", DOMAIN, "--json").out()).get("current").asText();
    }

    private String page() {
        return Workspace.awaitPage(workspace.sitePort, "/").body();
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void releasesListsBothNewestFirstWithTheCurrentOneMarked() throws Exception {
        var text = workspace.run("releases", DOMAIN);
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out().lines()).hasSize(3);
        assertThat(text.out().lines().skip(1)).satisfiesExactly(
                line -> assertThat(line).startsWith("* " + second).endsWith("  current"),
                line -> assertThat(line).startsWith("  " + first).doesNotContain("current"));

        var json = json(workspace.run("releases", DOMAIN, "--json").out());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("releases").findValuesAsText("id")).containsExactly(second, first);
        assertThat(json.get("releases").get(0).get("current").asBoolean()).isTrue();
    }

    @Test
    void rollbackMakesThePreviousReleaseCurrentUntilTheNextApplyReturnsToTheSpec() throws Exception {
        assertThat(page()).contains("<p>second</p>");

        var rollback = workspace.run("rollback", spec.toString());
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("~ " + DOMAIN + "/rollback")
                .contains("Rolled back " + DOMAIN + " to release " + first + " (was " + second);
        assertThat(rollback.err()).isEmpty();
        assertThat(page()).doesNotContain("<p>second</p>").contains("Hello from alive");
        assertThat(currentRelease()).isEqualTo(first);
        var status = json(workspace.run("status", "--json").out()).get("sites").get(0);
        assertThat(status.get("release").asText()).isEqualTo(first);

        var plan = workspace.run("plan", "--detailed-exitcode", spec.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.CHANGES);
        assertThat(plan.out()).contains("~ activate  (current points at releases/" + first + ", not releases/" + second);

        var apply = workspace.run("apply", spec.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(page()).contains("<p>second</p>");
        assertThat(currentRelease()).isEqualTo(second);
        assertThat(workspace.run("plan", "--detailed-exitcode", spec.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void rollbackToANamedReleaseAsJsonAndThenAgainIsNothingToDo() throws Exception {
        var rollback = workspace.run("rollback", spec.toString(), "--to", first, "--json");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        var json = json(rollback.out());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("release").asText()).isEqualTo(first);
        assertThat(json.get("previous").asText()).isEqualTo(second);
        assertThat(json.get("sites").get(0).get("ran")).extracting(JsonNode::asText)
                .containsExactly(DOMAIN + "/rollback");

        var again = workspace.run("rollback", spec.toString(), "--to", first);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out().strip()).isEqualTo("Release " + first + " of " + DOMAIN + " is already current; nothing to do.");

        var history = json(workspace.run("history", DOMAIN, "--json").out()).get("runs").get(0);
        assertThat(history.get("events").findValuesAsText("task")).containsExactly("rollback", "rollback");
    }

    @Test
    void rollbackThatFailsIsUndoneAndTheReleaseStays() throws Exception {
        workspace.env.put("ALIVE_FAULTS", DOMAIN + "/rollback");
        var failed = workspace.run("rollback", spec.toString());
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.out()).contains("↶ undone " + DOMAIN + "/rollback")
                .contains("Rollback of " + DOMAIN + " to " + first + " failed; release " + second + " is still current.");
        assertThat(currentRelease()).isEqualTo(second);
        assertThat(page()).contains("<p>second</p>");

        workspace.env.put("ALIVE_FAULTS", DOMAIN + "/rollback,undo:" + DOMAIN + "/rollback");
        var incomplete = workspace.run("rollback", spec.toString());
        assertThat(incomplete.exitCode()).as(incomplete.toString()).isEqualTo(ExitCodes.ROLLBACK_INCOMPLETE);
        assertThat(incomplete.out()).contains("ROLLBACK INCOMPLETE");
    }

    @Test
    void crashedLiveReleaseCanBeRolledBack() throws Exception {
        var pid = Long.parseLong(Files.readString(dir.resolve("root/services/back-alive-test.pid")).split(" ")[0]);
        var service = ProcessHandle.of(pid).orElseThrow();
        service.destroyForcibly();
        service.onExit().get();

        var rollback = workspace.run("rollback", spec.toString());
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(page()).contains("Hello from alive").doesNotContain("<p>second</p>");
    }

    @Test
    void rollbackRightAfterAFailedApplyReturnsToTheReleaseBefore() throws Exception {
        var failed = applyWithACrashingStart();
        var servedAtOnce = Workspace.get(workspace.sitePort, "/", null);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.out()).contains("crash.js: giving up on purpose", "↶ undone " + DOMAIN + "/activate",
                "the restored release serves: GET ");
        assertThat(servedAtOnce.statusCode()).as("the previous release serves when the failed apply returns")
                .isEqualTo(200);
        assertThat(servedAtOnce.body()).contains("<p>second</p>");
        assertThat(currentRelease()).isEqualTo(second);
        restoreTheSpec();

        var rollback = workspace.run("rollback", spec.toString());

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("Rolled back " + DOMAIN + " to release " + first + " (was " + second);
        var page = Workspace.get(workspace.sitePort, "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hello from alive").doesNotContain("<p>second</p>");
        assertThat(currentRelease()).isEqualTo(first);
    }

    @Test
    void aRestoredReleaseThatDoesNotServeIsAnUndoFailureWithItsLog() throws Exception {
        try (var files = Files.walk(dir.resolve("root"))) {
            var server = files.filter(f -> f.endsWith(Path.of("releases", second, "server.js"))).findFirst().orElseThrow();
            Files.writeString(server, "console.error('server.js: broken since the last apply');\nprocess.exit(4);\n");
        }

        var failed = applyWithACrashingStart();

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.ROLLBACK_INCOMPLETE);
        assertThat(failed.out()).contains("ROLLBACK INCOMPLETE", "the restored release does not serve: GET http://",
                "server.js: broken since the last apply");
    }

    private Workspace.Result applyWithACrashingStart() throws Exception {
        Files.writeString(spec.resolveSibling("template/crash.js"),
                "console.error('crash.js: giving up on purpose');\nprocess.exit(3);\n");
        Workspace.edit(spec, "start: node server.js", "start: node crash.js");
        Workspace.edit(spec, "timeout: 10s", "timeout: 3s");
        return workspace.run("apply", spec.toString());
    }

    /** The operator puts the spec back as it was last applied. */
    private void restoreTheSpec() throws Exception {
        Files.delete(spec.resolveSibling("template/crash.js"));
        Workspace.edit(spec, "start: node crash.js", "start: node server.js");
        Workspace.edit(spec, "timeout: 3s", "timeout: 10s");
    }

    @Test
    void rollbackRefusesWhenTheSpecChangedSinceTheLastApply() throws Exception {
        Workspace.edit(spec.resolveSibling("template/src/index.html"), "<p>second</p>", "<p>third</p>");
        var result = workspace.run("rollback", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out()).contains("~ " + DOMAIN + "/release  (input 'template' changed: src/index.html)")
                .contains("apply the spec (or restore it as it was) before rolling back");
        assertThat(currentRelease()).isEqualTo(second);
    }

    @Test
    void rollbackToAReleaseThatIsNotRetainedIsOneLine() {
        var result = workspace.run("rollback", spec.toString(), "--to", "0123456789ab");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().strip()).isEqualTo("alive: release 0123456789ab of " + DOMAIN
                + " is not retained; alive releases " + DOMAIN + " lists those that are");
        assertThat(result.out()).isEmpty();
    }
}
