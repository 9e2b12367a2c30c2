package dev.alive.state;

import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.task.TaskId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs and their journals. Every write is its own committed statement, so it is durable on return. */
final class SqlRuns {
    private static final String RUN_COLUMNS = "run_id, unit, kind, host, pid, started_at, finished_at, outcome, summary";

    private final PlainJdbc jdbc;
    private final Dialect dialect;

    SqlRuns(JdbiDatabase db) {
        this.jdbc = db.jdbc();
        this.dialect = db.dialect();
    }

    void begin(RunRecord run) {
        try {
            jdbc.update("insert into <runs> (" + RUN_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                statement.setString(1, run.runId());
                statement.setString(2, run.unit());
                statement.setString(3, run.kind().label());
                PlainJdbc.setNullable(statement, 4, run.host());
                statement.setLong(5, run.pid());
                PlainJdbc.setNullable(statement, 6, dialect.bind(run.startedAt()));
                PlainJdbc.setNullable(statement, 7, dialect.bind(run.finishedAt()));
                statement.setString(8, run.outcome().name());
                PlainJdbc.setNullable(statement, 9, run.summary());
            });
        } catch (PlainJdbc.StatementFailedException e) {
            throw dialect.isUniqueViolation(e) ? new IllegalStateException("run " + run.runId() + " already exists", e) : e;
        }
    }

    /** Sets the outcome of a run; with {@code onlyIfRunning}, only of a run still RUNNING. Returns whether it did. */
    boolean finish(Connection connection, String runId, RunOutcome outcome, String summary, boolean onlyIfRunning)
            throws SQLException {
        return jdbc.update(connection, "update <runs> set outcome = ?, finished_at = ?, summary = ? where run_id = ?"
                + (onlyIfRunning ? " and outcome = 'RUNNING'" : ""), statement -> {
                    statement.setString(1, outcome.name());
                    statement.setObject(2, dialect.bind(Dialect.now()));
                    PlainJdbc.setNullable(statement, 3, summary);
                    statement.setString(4, runId);
                }) == 1;
    }

    void finish(String runId, RunOutcome outcome, String summary) {
        if (!jdbc.withConnection(connection -> finish(connection, runId, outcome, summary, false))) {
            throw new IllegalStateException("no run " + runId);
        }
    }

    Optional<RunRecord> find(Connection connection, String runId) throws SQLException {
        return jdbc.query(connection, "select " + RUN_COLUMNS + " from <runs> where run_id = ?",
                statement -> statement.setString(1, runId), rs -> rs.next() ? Optional.of(run(rs)) : Optional.empty());
    }

    Optional<RunRecord> find(String runId) {
        return jdbc.withConnection(connection -> find(connection, runId));
    }

    List<RunRecord> newestFirst(String unit, int limit) {
        return jdbc.query("select " + RUN_COLUMNS + " from <runs> where unit = ? order by seq desc limit ?", statement -> {
            statement.setString(1, unit);
            statement.setInt(2, Math.max(0, limit));
        }, this::runs);
    }

    List<RunRecord> unfinished(String unit) {
        return jdbc.query("select " + RUN_COLUMNS + " from <runs> where unit = ? and outcome = 'RUNNING' order by seq",
                statement -> statement.setString(1, unit), this::runs);
    }

    void append(JournalEntry entry) {
        try {
            jdbc.update("insert into <journal> (run_id, seq, task, kind, key, detail, pending, at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
                        statement.setString(1, entry.runId());
                        statement.setLong(2, entry.sequence());
                        statement.setString(3, entry.taskId().toString());
                        statement.setString(4, entry.kind().name());
                        PlainJdbc.setNullable(statement, 5, entry.key());
                        PlainJdbc.setNullable(statement, 6, entry.detail());
                        PlainJdbc.setNullable(statement, 7, entry.pending() == null ? null : TaskStateCodec.encode(entry.pending()));
                        PlainJdbc.setNullable(statement, 8, dialect.bind(entry.at()));
                    });
        } catch (PlainJdbc.StatementFailedException e) {
            throw dialect.isForeignKeyViolation(e) ? new IllegalStateException("no run " + entry.runId(), e) : e;
        }
    }

    List<JournalEntry> journal(String runId) {
        return jdbc.query("select run_id, seq, task, kind, key, detail, pending, at from <journal> where run_id = ? "
                + "order by seq, id", statement -> statement.setString(1, runId), rs -> {
                    var entries = new ArrayList<JournalEntry>();
                    while (rs.next()) {
                        entries.add(entry(rs));
                    }
                    return entries;
                });
    }

    private List<RunRecord> runs(ResultSet rs) throws SQLException {
        var runs = new ArrayList<RunRecord>();
        while (rs.next()) {
            runs.add(run(rs));
        }
        return runs;
    }

    private RunRecord run(ResultSet rs) throws SQLException {
        return new RunRecord(rs.getString("run_id"), rs.getString("unit"),
                RunKind.ofLabel(rs.getString("kind")), rs.getString("host"),
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
