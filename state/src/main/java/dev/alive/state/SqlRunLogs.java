package dev.alive.state;

import dev.alive.engine.store.RunLog;
import dev.alive.engine.task.TaskId;
import java.util.ArrayList;
import java.util.List;

/**
 * The run logs: a row per kept line, numbered from 1 per run. An append is one transaction: the
 * run's row is locked (which also finds an unknown run), the lines that can be kept are inserted
 * as one batch, and the oldest lines beyond {@link RunLog}'s bounds are deleted.
 */
final class SqlRunLogs {

    private final PlainJdbc jdbc;

    SqlRunLogs(JdbiDatabase db) {
        this.jdbc = db.jdbc();
    }

    void append(String runId, List<RunLog.Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var kept = RunLog.bounded(lines);
        long skipped = lines.size() - kept.size();
        jdbc.inTransaction(connection -> {
            // a no-op update: locks the run's row on PostgreSQL, so appends of one run take turns
            if (jdbc.update(connection, "update <runs> set pid = pid where run_id = ?",
                    statement -> statement.setString(1, runId)) == 0) {
                throw new IllegalStateException("no run " + runId);
            }
            long last = jdbc.query(connection, "select coalesce(max(line_no), 0) from <run_logs> where run_id = ?",
                    statement -> statement.setString(1, runId), rows -> rows.next() ? rows.getLong(1) : 0L);
            try (var insert = connection.prepareStatement(
                    jdbc.sql("insert into <run_logs> (run_id, line_no, task, bytes, text) values (?, ?, ?, ?, ?)"))) {
                long number = last + skipped;
                for (var line : kept) {
                    insert.setString(1, runId);
                    insert.setLong(2, ++number);
                    insert.setString(3, line.task().toString());
                    insert.setInt(4, line.bytes());
                    insert.setString(5, line.text());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long newest = last + lines.size();
            jdbc.update(connection, "delete from <run_logs> where run_id = ? and line_no <= ?", statement -> {
                statement.setString(1, runId);
                statement.setLong(2, newest - RunLog.MAX_LINES);
            });
            jdbc.update(connection, "delete from <run_logs> where run_id = ? and line_no <= (select coalesce(max(line_no), 0)"
                    + " from (select line_no, sum(bytes) over (order by line_no desc) as total from <run_logs>"
                    + " where run_id = ?) newest_first where total > ?)", statement -> {
                        statement.setString(1, runId);
                        statement.setString(2, runId);
                        statement.setLong(3, RunLog.MAX_BYTES);
                    });
            return null;
        });
    }

    RunLog find(String runId) {
        return jdbc.query("select line_no, task, text from <run_logs> where run_id = ? order by line_no",
                statement -> statement.setString(1, runId), rows -> {
                    var lines = new ArrayList<RunLog.Line>();
                    long first = 0;
                    while (rows.next()) {
                        if (lines.isEmpty()) {
                            first = rows.getLong("line_no");
                        }
                        lines.add(new RunLog.Line(TaskId.parse(rows.getString("task")), rows.getString("text")));
                    }
                    return new RunLog(lines, lines.isEmpty() ? 0 : first - 1);
                });
    }
}
