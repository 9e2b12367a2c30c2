package dev.alive.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fifty first deploys of different sites, each its own alive JVM, all started at the same moment. */
@Tag("slow")
class ConcurrentFirstDeploysTest {
    private static final int SITES = 50;
    private static final int FIRST_PORT = 23100;
    private static final int LAST_PORT = 23199;

    @TempDir
    Path dir;

    private FreshDatabase database;

    @AfterEach
    void stopSitesAndDropDatabase() {
        SiteProcesses.killAll(dir);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void fiftyFirstDeploysFromSeparateProcessesGetFiftyDistinctPortsAndAllSucceed() throws Exception {
        database = FreshDatabase.create();
        var fleet = new Fleet(dir);
        var host = fleet.host("fleet", database.url(), FIRST_PORT, LAST_PORT);
        var specs = new ArrayList<Path>();
        for (int i = 1; i <= SITES; i++) {
            specs.add(fleet.site("site" + i + ".fleet.test", "owner" + i + "@fleet.test"));
        }
        var alive = Alive.in(dir);

        long started = System.nanoTime();
        var runs = new ArrayList<Running>();
        for (var spec : specs) { // forking takes a few milliseconds: all are up before the first JVM has started
            runs.add(alive.start("apply", spec.toString(), "--host", host.toString()));
        }
        var launched = Duration.ofNanos(System.nanoTime() - started);
        var outcomes = runs.stream().map(run -> run.await(Duration.ofMinutes(5))).toList();
        var elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("%d concurrent first deploys: launched within %d ms, all ended after %.1f s%n", SITES,
                launched.toMillis(), elapsed.toMillis() / 1000.0);

        var failed = outcomes.stream().filter(outcome -> outcome.exitCode() != 0).toList();
        assertThat(failed).as("failed runs:\n%s", failed.stream().map(Object::toString)
                .collect(Collectors.joining("\n"))).isEmpty();
        var domains = database.rows("select hostname, port, host, status from app.domains");
        assertThat(domains).hasSize(SITES);
        var ports = domains.stream().map(row -> ((Number) row.get("port")).intValue()).collect(Collectors.toSet());
        assertThat(ports).hasSize(SITES).allSatisfy(port -> assertThat(port).isBetween(FIRST_PORT, LAST_PORT));
        assertThat(domains).allSatisfy(row -> {
            assertThat(row.get("host")).isEqualTo("fleet");
            assertThat(row.get("status")).isEqualTo("active");
        });
        assertThat(database.count("select count(*) from iam.users")).isEqualTo(SITES);
        assertThat(database.count("select count(*) from alive.runs where outcome <> 'SUCCEEDED'")).isZero();
        assertThat(database.count("select count(*) from alive.locks")).isZero();
        everySiteAnswersOnItsPort(domains);
    }

    @Test
    void oneNewOwnersSitesDeployedAtOnceShareOneUserAndOneOrg() {
        database = FreshDatabase.create();
        var fleet = new Fleet(dir);
        var host = fleet.host("fleet", database.url(), FIRST_PORT, LAST_PORT);
        var alive = Alive.in(dir);
        var runs = new ArrayList<Running>();
        for (int i = 1; i <= 6; i++) {
            runs.add(alive.start("apply", fleet.site("shop" + i + ".fleet.test", "owner@fleet.test").toString(),
                    "--host", host.toString()));
        }

        var failed = runs.stream().map(run -> run.await(Duration.ofMinutes(3))).filter(outcome -> outcome.exitCode() != 0)
                .toList();

        assertThat(failed).as("failed runs:\n%s", failed.stream().map(Object::toString)
                .collect(Collectors.joining("\n"))).isEmpty();
        assertThat(database.count("select count(*) from iam.users")).isOne();
        assertThat(database.count("select count(*) from iam.orgs")).isOne();
        assertThat(database.count("select count(*) from iam.org_memberships where role = 'owner'")).isOne();
        assertThat(database.count("select count(distinct org_id) from app.domains where org_id is not null")).isOne();
        assertThat(database.count("select count(*) from app.domains")).isEqualTo(6);
    }

    private static void everySiteAnswersOnItsPort(List<Map<String, Object>> domains) throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (var row : domains) {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + row.get("port") + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as("answer on port %s", row.get("port")).isEqualTo(row.get("hostname"));
        }
    }
}
