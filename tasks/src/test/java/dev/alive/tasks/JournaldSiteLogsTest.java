package dev.alive.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.alive.specs.HostProfiles;
import dev.alive.tasks.system.Executables;
import dev.alive.tasks.system.LinuxUsers;
import dev.alive.tasks.system.LocalCommandRunner;
import dev.alive.tasks.system.SystemdUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journalctl commands of a systemd site's logs, by argument vector (journald under a running
 * systemd is the nspawn fixture's); the vectors are also handed to this machine's real journalctl,
 * which must accept them.
 */
class JournaldSiteLogsTest {

    private static final String UNIT = "site@hello-alive-test.service";

    @Test
    void readsTheLastLinesOfTheSitesUnitWithTimes() {
        var command = JournaldSiteLogs.command(UNIT, new SiteLogs.Query(OptionalInt.of(20), Optional.empty(), false));

        assertThat(command.argv()).containsExactly("journalctl", "--no-pager", "--quiet", "--output=short-iso",
                "--unit=" + UNIT, "--lines=20");
        assertThat(command.environment()).containsOnlyKeys("PATH");
    }

    @Test
    void readsEveryLineSinceADurationAgoAndFollows() {
        var command = JournaldSiteLogs.command(UNIT,
                new SiteLogs.Query(OptionalInt.empty(), Optional.of(Duration.ofMinutes(10)), true));

        assertThat(command.argv()).containsExactly("journalctl", "--no-pager", "--quiet", "--output=short-iso",
                "--unit=" + UNIT, "--lines=all", "--since=-600s", "--follow");
    }

    @Test
    void writesADurationWithMillisecondsInMilliseconds() {
        var command = JournaldSiteLogs.command(UNIT,
                new SiteLogs.Query(OptionalInt.of(5), Optional.of(Duration.ofMillis(1_500)), false));

        assertThat(command.argv()).contains("--since=-1500ms");
    }

    @TempDir
    Path dir;

    @Test
    void namesTheUnitAsTheSystemdServicesInstallIt() {
        var site = ExampleHostFixtures.exampleSite(dir, "hello.alive.test", Map.of(), yaml -> yaml);
        var host = HostProfiles.resolve("production", Path.of("/"), Map.of());
        var unit = SystemdUnit.forSite(site, host, LinuxUsers.userName(site.slug()), List.of("/usr/bin/node", "server.js"));

        assertThat(JournaldSiteLogs.unit(site.domain())).isEqualTo(unit.fileName()).isEqualTo(UNIT);
        assertThat(new JournaldSiteLogs(new LocalCommandRunner()).source(site.domain())).isEqualTo("the journal of " + UNIT);
    }

    @Test
    void thisMachinesJournalctlAcceptsTheVectorsOfAReadWithoutFollow() {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/journalctl")) || Files.isExecutable(Path.of("/bin/journalctl")))
                .as("journalctl is not installed here (Debian package systemd): its options cannot be checked")
                .isTrue();
        var lines = new ArrayList<String>();
        var logs = new JournaldSiteLogs(new LocalCommandRunner());

        logs.read("hello.alive.test", new SiteLogs.Query(OptionalInt.of(3), Optional.of(Duration.ofMillis(90_500)), false),
                lines::add);
        logs.read("hello.alive.test", new SiteLogs.Query(OptionalInt.empty(), Optional.of(Duration.ofHours(1)), false),
                lines::add);

        assertThat(lines).as("no unit of that name has logged here").isEmpty();
        assertThat(Executables.SYSTEM_PATH).contains("/usr/bin");
    }
}
