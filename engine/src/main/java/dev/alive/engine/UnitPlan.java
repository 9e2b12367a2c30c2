package dev.alive.engine;

import dev.alive.engine.store.LockOwner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan of one unit.
 *
 * @param tasks the unit's tasks in topological order, then the removed ones
 * @param unfinishedRuns ids of earlier runs that died or whose rollback was incomplete; apply undoes
 *     what they left first
 * @param lockHolder who holds the unit's lock now, if anyone (apply would wait or be refused)
 */
public record UnitPlan(String unit, List<PlannedTask> tasks, List<String> unfinishedRuns, Optional<LockOwner> lockHolder) {

    public UnitPlan {
        Objects.requireNonNull(unit, "unit");
        tasks = List.copyOf(tasks);
        unfinishedRuns = List.copyOf(unfinishedRuns);
        Objects.requireNonNull(lockHolder, "lockHolder");
    }

    /** True when apply would change something: a task runs or may run, state is dropped, or a dead run is undone. */
    public boolean hasChanges() {
        return !unfinishedRuns.isEmpty()
                || tasks.stream().anyMatch(task -> task.action() != PlannedTask.Action.UP_TO_DATE);
    }

    public List<PlannedTask> withAction(PlannedTask.Action action) {
        return tasks.stream().filter(task -> task.action() == action).toList();
    }
}
