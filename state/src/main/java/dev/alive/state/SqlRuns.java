package dev.alive.state;

import dev.alive.engine.JournalEntry;
import dev.alive.engine.RunOutcome;
import dev.alive.engine.RunRecord;
import dev.alive.engine.TaskId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/** Runs and their journals. Every write is its own committed statement, so it is durable on return. */
final class SqlRuns {
    private static final String RUN_COLUMNS = "run_id, unit, kind, host, pid, started_at, finished_at, outcome, summary";

    private final JdbiDatabase db;
    private final Dialect dialect;

    SqlRuns(JdbiDatabase db) {
        this.db = db;
        this.dialect = db.dialect();
    }

    void begin(RunRecord run) {
        try {
            db.useHandle(handle -> handle.createUpdate("insert into <runs> (" + RUN_COLUMNS + ") values "
                            + "(:runId, :unit, :kind, :host, :pid, :startedAt, :finishedAt, :outcome, :summary)")
                    .bind("runId", run.runId())
                    .bind("unit", run.unit())
                    .bind("kind", run.kind())
                    .bind("host", run.host())
                    .bind("pid", run.pid())
                    .bind("startedAt", dialect.bind(run.startedAt()))
                    .bind("finishedAt", dialect.bind(run.finishedAt()))
                    .bind("outcome", run.outcome().name())
                    .bind("summary", run.summary())
                    .execute());
        } catch (JdbiException e) {
            throw dialect.isUniqueViolation(e) ? new IllegalStateException("run " + run.runId() + " already exists", e) : e;
        }
    }

    /** Sets the outcome of a run; with {@code onlyIfRunning}, only of a run still RUNNING. Returns whether it did. */
    boolean finish(Handle handle, String runId, RunOutcome outcome, String summary, boolean onlyIfRunning) {
        return handle.createUpdate("update <runs> set outcome = :outcome, finished_at = :finishedAt, summary = :summary "
                        + "where run_id = :runId" + (onlyIfRunning ? " and outcome = 'RUNNING'" : ""))
                .bind("outcome", outcome.name())
                .bind("finishedAt", dialect.bind(Dialect.now()))
                .bind("summary", summary)
                .bind("runId", runId)
                .execute() == 1;
    }

    void finish(String runId, RunOutcome outcome, String summary) {
        if (!db.withHandle(handle -> finish(handle, runId, outcome, summary, false))) {
            throw new IllegalStateException("no run " + runId);
        }
    }

    Optional<RunRecord> find(Handle handle, String runId) {
        return handle.createQuery("select " + RUN_COLUMNS + " from <runs> where run_id = :runId")
                .bind("runId", runId)
                .map((rs, ctx) -> run(rs))
                .findOne();
    }

    Optional<RunRecord> find(String runId) {
        return db.withHandle(handle -> find(handle, runId));
    }

    List<RunRecord> newestFirst(String unit, int limit) {
        return db.query("select " + RUN_COLUMNS + " from <runs> where unit = ? order by seq desc limit ?", statement -> {
            statement.setString(1, unit);
            statement.setInt(2, Math.max(0, limit));
        }, this::runs);
    }

    List<RunRecord> unfinished(String unit) {
        return db.query("select " + RUN_COLUMNS + " from <runs> where unit = ? and outcome = 'RUNNING' order by seq",
                statement -> statement.setString(1, unit), this::runs);
    }

    private List<RunRecord> runs(ResultSet rs) throws SQLException {
        var runs = new java.util.ArrayList<RunRecord>();
        while (rs.next()) {
            runs.add(run(rs));
        }
        return runs;
    }

    void append(JournalEntry entry) {
        try {
            db.useHandle(handle -> handle.createUpdate("insert into <journal> "
                            + "(run_id, seq, task, kind, key, detail, pending, at) "
                            + "values (:runId, :seq, :task, :kind, :key, :detail, :pending, :at)")
                    .bind("runId", entry.runId())
                    .bind("seq", entry.sequence())
                    .bind("task", entry.taskId().toString())
                    .bind("kind", entry.kind().name())
                    .bind("key", entry.key())
                    .bind("detail", entry.detail())
                    .bind("pending", entry.pending() == null ? null : TaskStateCodec.encode(entry.pending()))
                    .bind("at", dialect.bind(entry.at()))
                    .execute());
        } catch (JdbiException e) {
            throw dialect.isForeignKeyViolation(e) ? new IllegalStateException("no run " + entry.runId(), e) : e;
        }
    }

    List<JournalEntry> journal(String runId) {
        return db.withHandle(handle -> handle.createQuery("select run_id, seq, task, kind, key, detail, pending, at "
                        + "from <journal> where run_id = :runId order by seq, id")
                .bind("runId", runId)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    private RunRecord run(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getString("run_id"), rs.getString("unit"), rs.getString("kind"), rs.getString("host"),
                rs.getLong("pid"), dialect.instant(rs, "started_at"), dialect.instant(rs, "finished_at"),
                RunOutcome.valueOf(rs.getString("outcome")), rs.getString("summary"));
    }

    private JournalEntry entry(ResultSet rs) throws SQLException {
        String pending = rs.getString("pending");
        return new JournalEntry(rs.getString("run_id"), rs.getLong("seq"), TaskId.parse(rs.getString("task")),
                JournalEntry.Kind.valueOf(rs.getString("kind")), rs.getString("key"), rs.getString("detail"),
                pending == null ? null : TaskStateCodec.decode(pending), dialect.instant(rs, "at"));
    }
}
