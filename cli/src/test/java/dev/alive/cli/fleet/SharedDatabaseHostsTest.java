package dev.alive.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two hosts (two profiles, two roots, two port ranges) sharing one PostgreSQL state store. */
@Tag("slow")
class SharedDatabaseHostsTest {

    @TempDir
    Path dir;

    private FreshDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = FreshDatabase.create();
    }

    @AfterEach
    void stopSitesAndDropDatabase() {
        SiteProcesses.killAll(dir);
        database.close();
    }

    @Test
    void eachHostDeploysIntoItsOwnRangeAndStatusShowsOneOrEveryHost() throws Exception {
        var fleet = new Fleet(dir);
        var alpha = fleet.host("alpha", database.url(), 23400, 23409);
        var beta = fleet.host("beta", database.url(), 23410, 23419);
        var alive = Alive.in(dir);

        var onAlpha = alive.start("apply", fleet.site("a.fleet.test", "a@fleet.test").toString(), "--host", alpha.toString());
        var onBeta = alive.start("apply", fleet.site("b.fleet.test", "b@fleet.test").toString(), "--host", beta.toString());
        for (var run : new Running[] {onAlpha, onBeta}) {
            var outcome = run.await(Duration.ofMinutes(2));
            assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
        }

        assertThat(sites(alive.run("status", "--all-hosts", "--json", "--host", alpha.toString())))
                .isEqualTo(Map.of("a.fleet.test", "alpha 23400", "b.fleet.test", "beta 23410"));
        assertThat(sites(alive.run("status", "--json", "--host", alpha.toString())))
                .isEqualTo(Map.of("a.fleet.test", "alpha 23400"));
        assertThat(sites(alive.run("status", "--json", "--host", beta.toString())))
                .isEqualTo(Map.of("b.fleet.test", "beta 23410"));
        var table = alive.run("status", "--host", beta.toString());
        assertThat(table.out()).contains("b.fleet.test").doesNotContain("a.fleet.test");
        assertThat(fleet.root("alpha").resolve("sites")).isDirectoryContaining(path -> path.endsWith("a.fleet.test"))
                .isDirectoryNotContaining(path -> path.endsWith("b.fleet.test"));
    }

    /** Domain to "host port", from {@code status --json}. */
    private static Map<String, String> sites(Running.Outcome status) throws Exception {
        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("formatVersion").asInt()).isEqualTo(1);
        var sites = new TreeMap<String, String>();
        json.get("sites").forEach(site -> sites.put(site.get("domain").asText(),
                site.get("host").asText() + " " + site.get("port").asInt()));
        return sites;
    }
}
