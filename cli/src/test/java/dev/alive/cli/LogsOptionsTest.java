package dev.alive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options of logs and history --log that are wrong are usage errors, found before the state store is opened. */
class LogsOptionsTest {

    @TempDir
    Path dir;

    Workspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new Workspace(dir).host("none");
    }

    private void assertUsageErrorBeforeAnythingOpened(Workspace.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("alive: ").contains(message).doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
        assertThat(dir.resolve("root")).as("nothing was opened or made").doesNotExist();
    }

    @Test
    void refusesFewerThanOneLine() {
        assertUsageErrorBeforeAnythingOpened(workspace.run("logs", "a.alive.test", "--lines", "0"),
                "--lines must be at least 1, not 0");
    }

    @Test
    void refusesASinceThatIsNoDuration() {
        assertUsageErrorBeforeAnythingOpened(workspace.run("logs", "a.alive.test", "--since", "yesterday"),
                "--since takes a duration such as 10m, 1h30m, 45s or 500ms, not 'yesterday'");
        assertUsageErrorBeforeAnythingOpened(workspace.run("logs", "a.alive.test", "--since", "0s"), "not '0s'");
    }

    @Test
    void refusesSinceOnAHostWhoseSitesRunAsProcesses() {
        assertUsageErrorBeforeAnythingOpened(workspace.run("logs", "a.alive.test", "--since", "10m"),
                "runs its sites as processes (services: process), whose log file has none: use --lines N");
    }

    @Test
    void refusesAnOptionThatIsNotANumberAsPicocliDoes() {
        var result = workspace.run("logs", "a.alive.test", "--lines", "many");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'many' is not an int");
    }

    @Test
    void refusesLogWithoutARun() {
        assertUsageErrorBeforeAnythingOpened(workspace.run("history", "a.alive.test", "--log"),
                "--log needs --run ID: alive history a.alive.test lists the runs and their ids");
    }

    @Test
    void namesTheFixForADomainThatIsNotASiteOfTheHost() {
        var result = workspace.run("logs", "nope.alive.test");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().strip()).isEqualTo("alive: no site nope.alive.test in the state store of host "
                + hostName() + ": alive status lists its sites (is the domain spelled right, or not applied yet?)");
    }

    @Test
    void namesTheFixForARunThatIsNotOneOfTheSite() {
        var result = workspace.run("history", "nope.alive.test", "--run", "20250102T030405Z-1a2b3c4d", "--log");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err()).contains("no run 20250102T030405Z-1a2b3c4d of nope.alive.test")
                .contains("alive history nope.alive.test lists its runs");
    }

    @Test
    void explainsEveryOptionInItsHelp() {
        var help = workspace.run("logs", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--lines", "--since", "--follow", "site@<slug>.service", "services/<slug>.log",
                "Example");
    }

    private String hostName() {
        return dev.alive.specs.HostProfiles.resolve(workspace.hostFile().toString(), dir, workspace.env).name();
    }
}
