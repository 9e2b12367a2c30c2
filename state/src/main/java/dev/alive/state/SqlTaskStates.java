package dev.alive.state;

import dev.alive.engine.TaskId;
import dev.alive.engine.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** Committed task states, one JSON row per task. */
final class SqlTaskStates {
    private final JdbiDatabase db;

    SqlTaskStates(JdbiDatabase db) {
        this.db = db;
    }

    Optional<TaskState> find(TaskId id) {
        return db.query("select state from <task_states> where unit = ? and name = ?", statement -> {
            statement.setString(1, id.unit());
            statement.setString(2, id.name());
        }, rows -> rows.next() ? Optional.of(TaskStateCodec.decode(rows.getString(1))) : Optional.empty());
    }

    Map<TaskId, TaskState> ofUnit(String unit) {
        var states = new TreeMap<TaskId, TaskState>();
        db.query("select state from <task_states> where unit = ?", statement -> statement.setString(1, unit), rows -> {
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
        List<String> units = db.withHandle(handle ->
                handle.createQuery("select distinct unit from <task_states>").mapTo(String.class).list());
        return List.copyOf(new TreeSet<>(units));
    }

    /** Within the caller's transaction: replaces {@code states}, deletes {@code removed}. */
    void replace(Handle handle, Collection<TaskState> states, Collection<TaskId> removed) {
        var dialect = db.dialect();
        if (!states.isEmpty()) {
            var batch = handle.prepareBatch("insert into <task_states> (unit, name, run_id, committed_at, state) "
                    + "values (:unit, :name, :runId, :committedAt, :state) on conflict (unit, name) do update set "
                    + "run_id = excluded.run_id, committed_at = excluded.committed_at, state = excluded.state");
            for (TaskState state : states) {
                batch.bind("unit", state.taskId().unit())
                        .bind("name", state.taskId().name())
                        .bind("runId", state.runId())
                        .bind("committedAt", dialect.bind(state.committedAt()))
                        .bind("state", TaskStateCodec.encode(state))
                        .add();
            }
            batch.execute();
        }
        if (!removed.isEmpty()) {
            var batch = handle.prepareBatch("delete from <task_states> where unit = :unit and name = :name");
            for (TaskId id : removed) {
                batch.bind("unit", id.unit()).bind("name", id.name()).add();
            }
            batch.execute();
        }
    }
}
