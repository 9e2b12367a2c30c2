package dev.alive.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.tasks.system.LeftoverCommands;
import dev.alive.tasks.system.ProcStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * alive (a real separate JVM) killed with SIGKILL during a build that started a tree of children
 * (one in the build's process group, one in a session of its own, a grandchild): the children
 * outlive alive, and the next apply stops them before it recovers the dead run, then succeeds.
 */
@Tag("slow")
class KilledBuildLeavesNoOrphanTest {
    private static final String DOMAIN = "orphans.fleet.test";
    private static final Pattern RUN_ID = Pattern.compile(Pattern.quote(DOMAIN) + " run (\\S+)");
    private static final String BUILD_SH = """
            #!/bin/sh
            mkdir -p dist && echo built > dist/index.html
            if [ "$SLOW_BUILD" = 1 ]; then
              sleep 300 &
              setsid sleep 301 &
              sh -c 'sleep 302 & wait' &
              wait
            fi
            """;

    @TempDir
    Path dir;

    private FreshDatabase database;
    private Fleet fleet;
    private Path host;
    private Path spec;

    @BeforeEach
    void siteWithABuildOnAFreshDatabase() throws IOException {
        database = FreshDatabase.create();
        fleet = new Fleet(dir);
        host = fleet.host("orphanhost", database.url(), 23310, 23319);
        Files.writeString(dir.resolve("sites/template/build.sh"), BUILD_SH);
        spec = dir.resolve("sites").resolve(DOMAIN + ".yaml");
        Files.writeString(spec, """
                apiVersion: alive/v1
                kind: Site
                domain: %s
                owner:
                  email: orphans@fleet.test
                template: ./template
                app:
                  build:
                    command: sh build.sh
                    outputs: [dist]
                  start: node server.js
                  env:
                    HEALTH_DELAY_MS: "0"
                    SLOW_BUILD: ${SLOW_BUILD}
                health:
                  path: /health
                  timeout: 90s
                """.formatted(DOMAIN));
    }

    @AfterEach
    void stopSitesAndDropDatabase() {
        SiteProcesses.killAll(dir);
        database.close();
    }

    @Test
    void theNextApplyStopsWhatTheKilledRunsBuildLeftRunningThenRecoversItAndSucceeds() {
        var alive = Alive.in(dir);
        var doomed = alive.with("SLOW_BUILD", "1").start("apply", spec.toString(), "--host", host.toString());
        var deadRun = runIdOf(doomed.awaitOutput("~ " + DOMAIN + "/build", Duration.ofMinutes(2)));
        // setsid's sh build.sh, its three children and the grandchild
        var marked = awaitMarked(deadRun, 5);
        doomed.killHard();
        sleep(300);
        var orphans = marked.stream().map(ProcessHandle::pid).toList();
        assertThat(orphans).as("the killed run's build tree outlives alive").allMatch(ProcStat::isLive);
        assertThat(marked).noneMatch(process -> process.parent().map(p -> p.pid() == doomed.pid()).orElse(false));

        long start = System.nanoTime();
        var next = alive.with("SLOW_BUILD", "0").run("apply", spec.toString(), "--host", host.toString());

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(orphans).as("the dead run's build tree").noneMatch(ProcStat::isLive);
        assertThat(LeftoverCommands.marked(deadRun)).isEmpty();
        assertThat(database.rows("select outcome from alive.runs where run_id = '" + deadRun + "'"))
                .as(next.toString()).containsExactly(Map.of("outcome", "RECOVERED"));
        assertThat(SiteProcesses.under(fleet.root("orphanhost"))).as("the site's app runs").hasSize(1);
        System.out.printf("next apply after the kill took %d ms (%d orphans stopped)%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), orphans.size());
    }

    private static List<ProcessHandle> awaitMarked(String runId, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            var marked = LeftoverCommands.marked(runId);
            if (marked.size() >= count) {
                return marked;
            }
            assertThat(System.nanoTime()).as("%d processes marked with %s, found %s", count, runId, marked)
                    .isLessThan(deadline);
            sleep(50);
        }
    }

    private static String runIdOf(String output) {
        var matcher = RUN_ID.matcher(output);
        assertThat(matcher.find()).as("run id in:\n%s", output).isTrue();
        return matcher.group(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
