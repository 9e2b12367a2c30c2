package dev.alive.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the state store's journal (SQLite) to learn what a run did: which tasks ran and for how
 * long, from each task's STARTED and SUCCEEDED timestamps (microseconds).
 */
final class Journal {

    /**
     * What the runs after a given run sequence number did; {@code firstStart} and {@code lastEnd}
     * are the epoch microseconds of the first task started and the last one finished (0 if none).
     */
    record Work(int runs, int tasksRan, double taskSeconds, Map<String, Integer> ranByTaskName, long firstStart,
                long lastEnd) {
    }

    private final Path database;

    Journal(Path database) {
        this.database = database;
    }

    /** The highest run sequence number so far (0 for none). */
    long lastRun() {
        try (var connection = connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("select coalesce(max(seq), 0) from alive_runs")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + database + ": " + e.getMessage(), e);
        }
    }

    /** The tasks that ran in runs after {@code afterRun}, and the sum of their durations. */
    Work since(long afterRun) {
        var sql = "select j.run_id, j.task, j.kind, j.at from alive_journal j join alive_runs r on r.run_id = j.run_id "
                + "where r.seq > ? and j.kind in ('STARTED', 'SUCCEEDED', 'FAILED') order by j.id";
        var started = new HashMap<String, Long>();
        var ranByName = new HashMap<String, Integer>();
        var runs = new java.util.HashSet<String>();
        var micros = 0L;
        var ran = 0;
        var firstStart = Long.MAX_VALUE;
        var lastEnd = 0L;
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, afterRun);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var key = rows.getString(1) + " " + rows.getString(2);
                    runs.add(rows.getString(1));
                    if (rows.getString(3).equals("STARTED")) {
                        started.put(key, rows.getLong(4));
                        firstStart = Math.min(firstStart, rows.getLong(4));
                    } else if (started.containsKey(key)) {
                        micros += rows.getLong(4) - started.remove(key);
                        lastEnd = Math.max(lastEnd, rows.getLong(4));
                        ran++;
                        var task = rows.getString(2);
                        ranByName.merge(task.substring(task.lastIndexOf('/') + 1), 1, Integer::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + database + ": " + e.getMessage(), e);
        }
        return new Work(runs.size(), ran, micros / 1e6, ranByName, firstStart == Long.MAX_VALUE ? 0 : firstStart, lastEnd);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }
}
