package dev.alive.engine;

import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The committed states of one unit, read in one query when its plan or run starts (a run holds the
 * unit's lock, so nothing else commits them meanwhile) and decoded once, however often the check,
 * the upstream lookups and the commit ask for them.
 */
final class CommittedStates {

    private final Map<TaskId, TaskState> states;

    private CommittedStates(Map<TaskId, TaskState> states) {
        this.states = Map.copyOf(states);
    }

    static CommittedStates read(StateStore store, String unit) {
        return new CommittedStates(store.committedUnit(unit));
    }

    Optional<TaskState> of(TaskId task) {
        return Optional.ofNullable(states.get(task));
    }

    Set<TaskId> ids() {
        return states.keySet();
    }
}
