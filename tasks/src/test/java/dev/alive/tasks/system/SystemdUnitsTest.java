package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import dev.alive.specs.Host;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real systemd-analyze (offline). The systemctl calls are checked here by the vectors
 * they build; cli's ProductionProfileTest runs them, and a Node server under the unit's sandbox,
 * on a real systemd in an nspawn container.
 */
class SystemdUnitsTest {
    @TempDir
    Path dir;

    private final SystemdUnits units = new SystemdUnits(new LocalCommandRunner(), Path.of("/nonexistent-unit-dir"));

    private SystemdUnit nodeUnit() {
        return SystemdUnit.forSite(Fixtures.site("hello.alive.best", "node server.js"), Fixtures.production(),
                "site-hello-alive-best", SystemdUnit.execStart("node server.js", "/usr/bin:/bin", Path.of("/")));
    }

    private Path write(String fileName, String text) throws Exception {
        return Files.writeString(dir.resolve(fileName), text);
    }

    @Test
    void generatedUnitPassesVerifyAndScoresAtMostTheGate() throws Exception {
        Path file = write(nodeUnit().fileName(), nodeUnit().render());

        units.verify(file);
        double exposure = units.securityExposure(file);

        assertThat(exposure).isLessThanOrEqualTo(SystemdUnits.MAX_EXPOSURE).isGreaterThan(0.0);
    }

    @Test
    void parsesTheExposureOfAnUnhardenedUnit() throws Exception {
        Path file = write("site@plain.service", "[Service]\nExecStart=/usr/bin/node server.js\n");

        assertThat(units.securityExposure(file)).isGreaterThan(8.0);
    }

    @Test
    void verifyRejectsAnUnknownDirectiveThatSystemdOnlyWarnsAbout() throws Exception {
        Path file = write("site@typo.service", nodeUnit().render().replace("Restart=on-failure", "Restrat=on-failure"));

        assertThatThrownBy(() -> units.verify(file))
                .isInstanceOfSatisfying(UnitCheckFailedException.class,
                        e -> assertThat(e.findings()).anyMatch(f -> f.contains("Restrat")));
    }

    @Test
    void verifyRejectsAMissingProgram() throws Exception {
        Path file = write("site@missing.service",
                nodeUnit().render().replace("ExecStart=/usr/bin/node", "ExecStart=/usr/bin/no-such-bun"));

        assertThatThrownBy(() -> units.verify(file)).isInstanceOf(UnitCheckFailedException.class)
                .hasMessageContaining("/usr/bin/no-such-bun");
    }

    @Test
    void installsACheckedUnitWithMode644() throws Exception {
        Path unitDir = Files.createDirectory(dir.resolve("system"));

        Path installed = new SystemdUnits(new LocalCommandRunner(), unitDir).install(nodeUnit());

        assertThat(installed).isEqualTo(unitDir.resolve("site@hello-alive-best.service"));
        assertThat(installed).hasContent(nodeUnit().render());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installed))).isEqualTo("rw-r--r--");
        assertThat(new SystemdUnits(new LocalCommandRunner(), unitDir).uninstall(installed.getFileName().toString())).isTrue();
        assertThat(installed).doesNotExist();
    }

    @Test
    void installsNothingWhenTheCheckFails() throws Exception {
        Path unitDir = Files.createDirectory(dir.resolve("system"));
        SystemdUnit broken = new SystemdUnit("b", "b", "site-b", Path.of("/srv/b/current"), Path.of("/etc/sites/b.env"),
                Path.of("/srv/b"), List.of("/usr/bin/no-such-node"), Duration.ofSeconds(2), SystemdUnit.Network.ANY, Host.Limits.DEFAULTS);

        assertThatThrownBy(() -> new SystemdUnits(new LocalCommandRunner(), unitDir).install(broken))
                .isInstanceOf(UnitCheckFailedException.class);
        assertThat(Files.list(unitDir)).isEmpty();
    }

    @Test
    void installsAUnitWhoseProgramIsInAReleaseThatDoesNotExistYet() throws Exception {
        Path unitDir = Files.createDirectory(dir.resolve("system"));
        Path current = Path.of("/srv/sites/vite.alive.best/current"); // forSite: the host's sites folder
        SystemdUnit bun = SystemdUnit.forSite(Fixtures.site("vite.alive.best", "./node_modules/.bin/bun server.ts"),
                Fixtures.production(), "site-vite-alive-best",
                SystemdUnit.execStart("./node_modules/.bin/bun server.ts", "/usr/bin:/bin", current));
        assertThat(bun.programIsInTheRelease()).isTrue();
        assertThat(current).doesNotExist();

        Path installed = new SystemdUnits(new LocalCommandRunner(), unitDir).install(bun);

        assertThat(installed).hasContent(bun.render());
        assertThat(bun.render()).contains("\nExecStart=" + current + "/node_modules/.bin/bun server.ts\n");
        assertThat(bun.renderForVerify()).contains("\nExecStart=-" + current + "/node_modules/.bin/bun server.ts\n");
        assertThat(nodeUnit().programIsInTheRelease()).isFalse();
        assertThat(nodeUnit().renderForVerify()).isEqualTo(nodeUnit().render());
    }

    @Test
    void drivesSystemctlWithArgumentVectors() {
        List<Command> ran = new ArrayList<>();
        CommandRunner recorder = new CommandRunner() {
            @Override
            public CommandResult run(Command command, Consumer<String> output) {
                ran.add(command);
                return new CommandResult(0, List.of(), Duration.ZERO);
            }
        };
        SystemdUnits systemd = new SystemdUnits(recorder, dir);
        String unit = "site@hello-alive-best.service";

        systemd.daemonReload();
        systemd.enable(unit);
        systemd.restart(unit);
        systemd.stop(unit);
        systemd.disable(unit);
        systemd.resetFailed(unit);
        assertThat(systemd.isActive(unit)).isTrue();
        systemd.lastLogLines(unit, 40);

        assertThat(ran).extracting(Command::argv).containsExactly(
                List.of("systemctl", "daemon-reload"),
                List.of("systemctl", "enable", "--", unit),
                List.of("systemctl", "restart", "--", unit),
                List.of("systemctl", "stop", "--", unit),
                List.of("systemctl", "disable", "--", unit),
                List.of("systemctl", "reset-failed", "--", unit),
                List.of("systemctl", "is-active", "--quiet", "--", unit),
                List.of("journalctl", "--unit=" + unit, "--lines=40", "--no-pager", "--output=cat"));
        assertThat(ran).allSatisfy(c -> assertThat(c.environment()).containsOnlyKeys("PATH"));
    }
}
