package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error paths end in one clear line on stderr and the documented exit code; stack traces only with --debug. */
class CliErrorsTest {

    @TempDir
    Path dir;

    @Test
    void lockedSiteIsRefusedWithExitFourAndOneLineNamingTheHolder() throws Exception {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.quickSite("hello", "hello.alive.test");
        try (var lock = workspace.lock("hello.alive.test")) {
            var apply = workspace.run("apply", spec.toString());
            assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.LOCKED);
            assertThat(apply.err().strip()).startsWith("alive: hello.alive.test is locked by run test-holder (pid "
                    + ProcessHandle.current().pid()).doesNotContain("\n");
            assertThat(apply.out()).doesNotContain("✓");

            var plan = workspace.run("plan", spec.toString());
            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("! locked by run test-holder");

            var destroy = workspace.run("destroy", spec.toString());
            assertThat(destroy.exitCode()).as(destroy.toString()).isEqualTo(ExitCodes.LOCKED);
        }
        assertThat(dir.resolve("root/sites/hello.alive.test")).doesNotExist();
    }

    @Test
    void invalidHostFileIsExitSixtyFiveWithItsLines() {
        var workspace = new Workspace(dir);
        workspace.write("host.yaml", "apiVersion: alive/v1\nkind: Host\nbase: local\nports: 5000-4000\nservices: docker\n");
        var spec = workspace.quickSite("hello", "hello.alive.test");
        var result = workspace.run("plan", "--host", "host.yaml", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(result.err()).contains("host.yaml:4:").contains("runs backwards").contains("host.yaml:5:")
                .doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownHostProfileNameIsExitSixtyFive() {
        var workspace = new Workspace(dir);
        var spec = workspace.quickSite("hello", "hello.alive.test");
        var result = workspace.run("plan", "--host", "staging", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(result.err()).contains("staging").contains("local, production");
    }

    @Test
    void specThatIsNotYamlIsExitSixtyFiveWithoutAStackTrace() throws Exception {
        var workspace = new Workspace(dir).host("none");
        var spec = dir.resolve("broken.yaml");
        Files.writeString(spec, "kind: Site\ndomain: [unclosed\n");
        var result = workspace.run("plan", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(result.err()).startsWith(spec + ":").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void specThatCannotBeReadAsTextIsExitSixtyFiveInOneLine() throws Exception {
        var workspace = new Workspace(dir).host("none");
        var spec = dir.resolve("binary.yaml");
        Files.write(spec, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'x'});
        var result = workspace.run("apply", spec.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_SPEC);
        assertThat(result.err()).isEqualTo(spec + ":1:1: file is not UTF-8 text (byte 0xff); save it as UTF-8\n"
                + "1 problem found; nothing was changed.\n");
    }

    @Test
    void specPathThatLeadsNowhereIsOneLine() throws Exception {
        var workspace = new Workspace(dir).host("none");
        Files.createSymbolicLink(dir.resolve("site.yaml"), dir.resolve("gone.yaml"));
        var result = workspace.run("apply", "site.yaml");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().strip()).isEqualTo("alive: site.yaml: no such file or directory");
    }

    @Test
    void folderWithoutSpecsIsOneLine() throws Exception {
        var workspace = new Workspace(dir).host("none");
        Files.createDirectories(dir.resolve("empty"));
        var result = workspace.run("plan", "empty");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().strip()).isEqualTo("alive: " + dir.resolve("empty") + ": no site.yaml in it or in its"
                + " subfolders");
    }

    @Test
    void debugShowsTheStackTraceThatIsOtherwiseHidden() {
        var workspace = new Workspace(dir);
        workspace.write("host.yaml", "apiVersion: alive/v1\nkind: Host\nbase: local\nroot: ./root\n"
                + "state: postgresql://alive@127.0.0.1:1/alive\nproxy:\n  kind: none\n");
        workspace.env.put("ALIVE_HOST", workspace.hostFile().toString());
        var spec = workspace.quickSite("hello", "hello.alive.test");

        var plain = workspace.run("plan", spec.toString());
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(plain.err().lines()).hasSize(1);
        assertThat(plain.err()).startsWith("alive: ").doesNotContain("\tat ");

        var debug = workspace.run("plan", "--debug", spec.toString());
        assertThat(debug.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(debug.err()).startsWith(plain.err()).contains("\tat dev.alive.");
    }

    @Test
    void parallelBelowOneIsAUsageError() {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.quickSite("hello", "hello.alive.test");
        var result = workspace.run("apply", "--parallel", "0", spec.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).isEqualTo("alive: --parallel must be at least 1");
    }

    @Test
    void aHistoryLimitBelowOneIsAUsageError() {
        var workspace = new Workspace(dir).host("none");
        var result = workspace.run("history", "hello.alive.test", "--limit", "-3");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().strip()).isEqualTo("alive: the history limit must be at least 1, not -3");
    }

    @Test
    void passwordStdinWithoutAPasswordIsAUsageError() {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.quickSite("hello", "hello.alive.test");
        var result = workspace.runWithInput("", "apply", "--password-stdin", spec.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--password-stdin");
        assertThat(dir.resolve("root/sites")).doesNotExist();
    }

    @Test
    void missingArgumentIsAUsageErrorNamingIt() {
        var result = new Workspace(dir).host("none").run("rollback");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("SPEC").contains("alive rollback --help");
    }

    @Test
    void releasesOfAnUnknownSiteIsOneLine() {
        var result = new Workspace(dir).host("none").run("releases", "nowhere.alive.test");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().strip()).startsWith("alive: no releases of nowhere.alive.test on host host")
                .doesNotContain("\n");
    }

    @Test
    void statusOfAnUnknownSiteIsOneLineAndTheEmptyListIsJson() throws Exception {
        var workspace = new Workspace(dir).host("none");
        var unknown = workspace.run("status", "nowhere.alive.test");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err().strip()).isEqualTo("alive: no site nowhere.alive.test on host host");

        var all = workspace.run("status", "--json");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        var json = new ObjectMapper().readTree(all.out());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(json.get("sites")).isEmpty();
    }

    @Test
    void coloursOnlyOnATerminalAndNeverWithNoColor() {
        assertThat(CliContext.colorsWanted(true, Map.of("TERM", "xterm"))).isTrue();
        assertThat(CliContext.colorsWanted(false, Map.of("TERM", "xterm"))).isFalse();
        assertThat(CliContext.colorsWanted(true, Map.of("TERM", "xterm", "NO_COLOR", ""))).isFalse();
        assertThat(CliContext.colorsWanted(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(CliContext.colorsWanted(true, Map.of("TERM", "dumb"))).isFalse();
    }

    @Test
    void planIsPaintedOnlyWhenColoursAreWanted() {
        var workspace = new Workspace(dir).host("none");
        var spec = workspace.quickSite("hello", "hello.alive.test");
        var painted = workspace.runIn(new HashMap<>(workspace.env), true, "", "plan", spec.toString());
        assertThat(painted.out()).contains("\u001b[");
        var plain = workspace.run("plan", spec.toString());
        assertThat(plain.out()).doesNotContain("\u001b[");
        assertThat(painted.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.out());
    }
}
