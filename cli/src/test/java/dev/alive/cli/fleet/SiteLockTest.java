package dev.alive.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site lock on PostgreSQL between separate alive processes: a live holder refuses, a dead one is recovered. */
@Tag("slow")
class SiteLockTest {
    private static final String DOMAIN = "slow.fleet.test";
    private static final Pattern RUN_ID = Pattern.compile(Pattern.quote(DOMAIN) + " run (\\S+)");

    @TempDir
    Path dir;

    private FreshDatabase database;
    private Fleet fleet;
    private Path host;
    private Path spec;

    @BeforeEach
    void slowSiteOnAFreshDatabase() {
        database = FreshDatabase.create();
        fleet = new Fleet(dir);
        host = fleet.host("lockhost", database.url(), 23300, 23309);
        spec = fleet.site(DOMAIN, "slow@fleet.test");
    }

    @AfterEach
    void stopSitesAndDropDatabase() {
        SiteProcesses.killAll(dir);
        database.close();
    }

    @Test
    void secondProcessApplyingTheSameSiteExitsFourNamingTheHolder() throws IOException {
        var alive = Alive.in(dir);
        var first = alive.with(Fleet.HEALTH_DELAY_VARIABLE, "6000").start("apply", spec.toString(), "--host", host.toString());
        var holderRun = runIdOf(first.awaitOutput("~ " + DOMAIN + "/health", Duration.ofMinutes(2)));

        var second = alive.run("apply", spec.toString(), "--host", host.toString());

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(4);
        // the holder is named on stdout (in the apply summary), not on stderr: see the fleet report
        assertThat(second.out() + second.err()).as(second.toString())
                .contains(DOMAIN, holderRun, "pid " + first.pid(), "on " + hostName());
        var firstOutcome = first.await(Duration.ofMinutes(2));
        assertThat(firstOutcome.exitCode()).as(firstOutcome.toString()).isZero();
        assertThat(database.count("select count(*) from alive.runs")).as("the refused run leaves no run behind").isOne();
    }

    @Test
    void runKilledWhileHoldingTheLockIsRecoveredByTheNextRunWhichEndsAsACleanDeployWould() throws IOException {
        var alive = Alive.in(dir);
        var doomed = alive.with(Fleet.HEALTH_DELAY_VARIABLE, "600000").start("apply", spec.toString(), "--host", host.toString());
        var deadRun = runIdOf(doomed.awaitOutput("~ " + DOMAIN + "/health", Duration.ofMinutes(2)));
        doomed.killHard();
        assertThat(database.count("select count(*) from alive.locks")).as("the dead run's lock").isOne();
        assertThat(SiteProcesses.under(fleet.root("lockhost"))).as("the dead run's app").hasSize(1);

        var next = alive.run("apply", spec.toString(), "--host", host.toString());

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(database.rows("select outcome from alive.runs where run_id = '" + deadRun + "'"))
                .as(next.toString()).containsExactly(java.util.Map.of("outcome", "RECOVERED"));
        var recovered = DeployedState.of(database, fleet.root("lockhost"));
        assertThat(recovered.domains()).hasSize(1);
        assertThat(recovered.siteProcesses()).isOne();
        SiteProcesses.killAll(dir);

        // the same host and site (same paths, so the same release id) deployed once, on a fresh database
        deleteTree(fleet.root("lockhost"));
        try (var cleanDatabase = FreshDatabase.create()) {
            var cleanHost = fleet.host("lockhost", cleanDatabase.url(), 23300, 23309);
            var clean = alive.run("apply", spec.toString(), "--host", cleanHost.toString());
            assertThat(clean.exitCode()).as(clean.toString()).isZero();

            assertThat(recovered).isEqualTo(DeployedState.of(cleanDatabase, fleet.root("lockhost")));
        }
    }

    @Test
    void deadHolderOnAnotherHostIsWaitedForUntilItsHeartbeatIsStaleThenRecovered() {
        var alive = Alive.in(dir);
        var doomed = alive.with(Fleet.HEALTH_DELAY_VARIABLE, "600000").start("apply", spec.toString(), "--host", host.toString());
        var deadRun = runIdOf(doomed.awaitOutput("~ " + DOMAIN + "/health", Duration.ofMinutes(2)));
        doomed.killHard();
        // as if the run had died on another machine: its pid cannot be checked from here
        database.execute("update alive.locks set host = 'elsewhere.fleet.test'");

        var refused = alive.run("apply", spec.toString(), "--host", host.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.out() + refused.err()).contains(deadRun, "on elsewhere.fleet.test");

        database.execute("update alive.locks set heartbeat = now() - interval '3 minutes'");
        var next = alive.run("apply", spec.toString(), "--host", host.toString());

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(database.rows("select outcome from alive.runs where run_id = '" + deadRun + "'"))
                .containsExactly(java.util.Map.of("outcome", "RECOVERED"));
        assertThat(SiteProcesses.under(fleet.root("lockhost"))).as("the dead run's app was stopped").hasSize(1);
    }

    private static String runIdOf(String output) {
        var matcher = RUN_ID.matcher(output);
        assertThat(matcher.find()).as("run id in:\n%s", output).isTrue();
        return matcher.group(1);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String hostName() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }
}
