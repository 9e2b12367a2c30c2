package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunLog;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.task.TaskId;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's log goes with its run (ON DELETE CASCADE), on both databases; deleting runs is pruning's, done here in SQL. */
class RunLogCascadeTest {

    @TempDir
    Path dir;

    @Test
    void deletingARunDeletesItsLogOnSqlite() throws Exception {
        var file = dir.resolve("state.db");
        try (var db = AliveDatabase.open("sqlite:" + file)) {
            var run = runWithLog(db);
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                 var statement = connection.createStatement()) {
                statement.execute("pragma foreign_keys = on");
                statement.execute("delete from alive_runs where run_id = '" + run + "'");
                try (var rows = statement.executeQuery("select count(*) from alive_run_logs")) {
                    assertThat(rows.next() && rows.getInt(1) == 0).as("run log rows left").isTrue();
                }
            }
            assertThat(db.stateStore().runLog(run)).isEqualTo(RunLog.empty());
        }
    }

    @Test
    void deletingARunDeletesItsLogOnPostgres() {
        try (var postgres = TestPostgres.create(); var db = AliveDatabase.open(postgres.url())) {
            var run = runWithLog(db);
            postgres.execute("delete from alive.runs where run_id = '" + run + "'");
            assertThat(db.stateStore().runLog(run)).isEqualTo(RunLog.empty());
        }
    }

    private static String runWithLog(AliveDatabase db) {
        var store = db.stateStore();
        var run = new RunRecord("run-cascade", "cascade.test", RunKind.APPLY, "h", 1, Instant.now(), null,
                RunOutcome.RUNNING, null);
        store.beginRun(run);
        store.appendRunLog(run.runId(), List.of(RunLog.Line.of(TaskId.of("cascade.test", "build"), "built")));
        assertThat(store.runLog(run.runId()).lines()).hasSize(1);
        return run.runId();
    }
}
