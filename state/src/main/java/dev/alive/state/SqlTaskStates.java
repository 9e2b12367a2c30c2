package dev.alive.state;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Committed task states, one JSON row per task. */
final class SqlTaskStates {
    private final PlainJdbc jdbc;
    private final Dialect dialect;

    SqlTaskStates(JdbiDatabase db) {
        this.jdbc = db.jdbc();
        this.dialect = db.dialect();
    }

    Optional<TaskState> find(TaskId id) {
        return jdbc.query("select state from <task_states> where unit = ? and name = ?", statement -> {
            statement.setString(1, id.unit());
            statement.setString(2, id.name());
        }, rows -> rows.next() ? Optional.of(TaskStateCodec.decode(rows.getString(1))) : Optional.empty());
    }

    Map<TaskId, TaskState> ofUnit(String unit) {
        var states = new TreeMap<TaskId, TaskState>();
        jdbc.query("select state from <task_states> where unit = ?", statement -> statement.setString(1, unit), rows -> {
            while (rows.next()) {
                var state = TaskStateCodec.decode(rows.getString(1));
                states.put(state.taskId(), state);
            }
            return states;
        });
        return states;
    }

    /** Sorted in Java: a database collation may order differently. */
    List<String> units() {
        var units = jdbc.query("select distinct unit from <task_states>", statement -> { }, rows -> {
            var found = new TreeSet<String>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        });
        return List.copyOf(units);
    }

    /** Within the caller's transaction: replaces {@code states}, deletes {@code removed}. */
    void replace(Connection connection, Collection<TaskState> states, Collection<TaskId> removed) throws SQLException {
        if (!states.isEmpty()) {
            try (var batch = connection.prepareStatement(jdbc.sql("insert into <task_states> "
                    + "(unit, name, run_id, committed_at, state) values (?, ?, ?, ?, ?) on conflict (unit, name) do update set "
                    + "run_id = excluded.run_id, committed_at = excluded.committed_at, state = excluded.state"))) {
                for (TaskState state : states) {
                    batch.setString(1, state.taskId().unit());
                    batch.setString(2, state.taskId().name());
                    PlainJdbc.setNullable(batch, 3, state.runId());
                    PlainJdbc.setNullable(batch, 4, dialect.bind(state.committedAt()));
                    batch.setString(5, TaskStateCodec.encode(state));
                    batch.addBatch();
                }
                batch.executeBatch();
            }
        }
        if (!removed.isEmpty()) {
            try (var batch = connection.prepareStatement(jdbc.sql("delete from <task_states> where unit = ? and name = ?"))) {
                for (TaskId id : removed) {
                    batch.setString(1, id.unit());
                    batch.setString(2, id.name());
                    batch.addBatch();
                }
                batch.executeBatch();
            }
        }
    }
}
