package dev.alive.deploy;

import static dev.alive.deploy.RedeployTest.edit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunRecord;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state store stays bounded over many applies (every other one edits the template, so releases,
 * builds and runs accumulate), and an unchanged template is still skipped once pruning has begun.
 * bench/run's soak (scenario 7) does the same with 1,000 applies and prints the figures.
 */
@Tag("slow")
class StoreBoundsTest {

    private static final String DOMAIN = TestHost.EXAMPLE_DOMAIN;
    private static final int KEEP_RUNS = 5;
    private static final int APPLIES = 30;
    /** Measured after a changing apply, as the end is: both hold the same mix of kept runs. */
    private static final int HALF = 16;

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.keepingRuns(dir, KEEP_RUNS);
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void runsJournalFileHashesAndManifestsStayBoundedAndAnUnchangedTemplateIsStillSkipped() throws Exception {
        var site = host.site(DOMAIN);
        host.deploy(site).assertSucceeded();
        var page = site.template().resolve("src/index.html");
        var previous = "<h1>Hello from alive</h1>";
        Map<String, Long> atHalf = Map.of();
        for (var i = 2; i <= APPLIES; i++) {
            if (i % 2 == 0) {
                var next = "<h1>Hello from alive, generation " + i + "</h1>";
                edit(page, previous, next);
                previous = next;
                assertThat(host.apply(site).assertSucceeded().ran(site)).contains("release", "build");
            } else {
                assertThat(host.apply(site).assertSucceeded().ran(site)).as("apply %d changed nothing", i).isEmpty();
            }
            if (i == HALF) {
                atHalf = rows();
            }
        }
        var atEnd = rows();

        var referenced = distinctCommittedRunIds();
        List<RunRecord> runs = host.deployments().stateStore().runs(DOMAIN, 1000);
        assertThat(runs).hasSizeLessThanOrEqualTo(KEEP_RUNS + referenced);
        assertThat(atEnd.get("alive_runs")).isEqualTo(runs.size()).isLessThan(APPLIES);
        assertThat(atEnd.get("alive_journal")).isLessThanOrEqualTo(atHalf.get("alive_journal"));
        assertThat(atEnd.get("alive_file_hashes")).isLessThanOrEqualTo(atHalf.get("alive_file_hashes"));
        assertThat(atEnd.get("alive_manifests")).isLessThanOrEqualTo(atHalf.get("alive_manifests"));
        assertThat(host.plan(site).hasChanges()).isFalse();
        assertThat(host.apply(site).assertSucceeded().ran(site)).isEmpty();
        assertThat(host.getThroughProxy(site, "/").body()).contains(previous);
    }

    private Path database() {
        return Path.of(host.host().state().substring("sqlite:".length()));
    }

    private Map<String, Long> rows() throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database());
             var statement = connection.createStatement()) {
            for (var table : List.of("alive_runs", "alive_journal", "alive_file_hashes", "alive_manifests",
                    "alive_task_states")) {
                try (var rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private int distinctCommittedRunIds() throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database());
             var statement = connection.createStatement();
             var rs = statement.executeQuery("select count(distinct run_id) from alive_task_states")) {
            rs.next();
            return rs.getInt(1);
        }
    }

}
