package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's surface without deploying anything: help, usage errors, bad specs, unreachable stores. */
class CliBasicsTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandWithAnExample() {
        var result = new Workspace(dir).run("--help");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("plan", "apply", "destroy", "status", "history", "graph", "releases",
                "rollback", "Example", "Exit codes");
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void noCommandIsAUsageErrorShowingTheUsage() {
        var result = new Workspace(dir).run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Usage: alive");
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (var command : new String[] {"plan", "apply", "destroy", "status", "history", "graph", "releases",
                "rollback"}) {
            var result = new Workspace(dir).run(command, "--help");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).contains("Usage: alive " + command).contains("Example")
                    .contains("  alive " + command + " ");
            assertThat(result.err()).as(command).isEmpty();
        }
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        var result = new Workspace(dir).run("aply", "x.yaml");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("aply").contains("apply");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void unknownFlagIsAUsageError() {
        var result = new Workspace(dir).run("plan", "--frobnicate", "x.yaml");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--frobnicate");
    }

    @Test
    void missingSpecFileIsOneClearLine() {
        var workspace = new Workspace(dir).host("none");
        var result = workspace.run("plan", "nope.yaml");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().strip()).isEqualTo("alive: nope.yaml: no such file or directory");
    }

    @Test
    void specWithFiveMistakesReportsAllFiveWithLinesAndChangesNothing() throws Exception {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.site("bad", "bad.alive.test");
        Files.writeString(spec, """
                apiVersion: alive/v1
                kind: Site
                domain: Bad_Domain.test
                owner:
                  email: not-an-email
                template: ./template
                app:
                  strat: node server.js
                health:
                  timeout: soon
                port: lots
                """);
        var result = workspace.run("plan", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_SPEC);
        var lines = result.err().lines().filter(line -> line.startsWith(spec.toString() + ":")).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(":3:").contains("domain"))
                .anySatisfy(line -> assertThat(line).contains(":5:").contains("owner.email"))
                .anySatisfy(line -> assertThat(line).contains(":8:").contains("'strat'").contains("did you mean 'start'"))
                .anySatisfy(line -> assertThat(line).contains(":10:").contains("health.timeout"))
                .anySatisfy(line -> assertThat(line).contains(":11:").contains("port"));
        assertThat(result.err()).contains("5 problems found; nothing was changed.");
        assertThat(dir.resolve("root")).doesNotExist();
    }

    @Test
    void unreachableStateStoreIsOneLineNamingHostAndPortWithoutThePassword() {
        var workspace = new Workspace(dir);
        workspace.write("host.yaml", "apiVersion: alive/v1\nkind: Host\nbase: local\nroot: ./root\n"
                + "state: postgresql://alive:s3cr3t-pw@127.0.0.1:1/alive\nproxy:\n  kind: none\n");
        workspace.env.put("ALIVE_HOST", dir.resolve("host.yaml").toString());
        var spec = workspace.site("hello", "hello.alive.test");
        var result = workspace.run("apply", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).contains("127.0.0.1").contains("1").doesNotContain("s3cr3t-pw")
                .doesNotContain("at org.");
        assertThat(dir.resolve("root/sites")).doesNotExist();
    }

    @Test
    void planJsonIsOneDocumentWithFormatVersionOne() throws Exception {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.site("hello", "hello.alive.test");
        var result = workspace.run("plan", "--json", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        var json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("changes").asBoolean()).isTrue();
        var tasks = json.get("sites").get(0).get("tasks");
        assertThat(tasks).isNotEmpty();
        assertThat(tasks.get(0).get("id").asText()).isEqualTo("hello.alive.test/dns");
    }

    @Test
    void planOfANewSiteListsEveryTaskAsAFirstRun() {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.site("hello", "hello.alive.test");
        var result = workspace.run("plan", "--detailed-exitcode", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.CHANGES);
        assertThat(result.out()).isEqualTo("""
                hello.alive.test (new site)
                  + dns
                  + account
                  + port
                  + user
                  + env
                  + install
                  + release
                  + build
                  + service
                  + activate
                  + health
                  + register
                Plan: 12 to run, 0 up to date.
                """);
        assertThat(dir.resolve("root/sites")).doesNotExist();
    }

    @Test
    void graphPrintsDotWithTheDependencies() {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.site("hello", "hello.alive.test");
        var result = workspace.run("graph", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("digraph alive {")
                .contains("\"hello.alive.test/release\" -> \"hello.alive.test/build\"");
    }
}
