package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.List;
import java.util.Optional;

/** What apply would do, unit by unit, decided by the same check apply uses. */
public record Plan(List<UnitPlan> units) {

    public Plan {
        units = List.copyOf(units);
    }

    public boolean hasChanges() {
        return units.stream().anyMatch(UnitPlan::hasChanges);
    }

    /** Every planned task, unit by unit. */
    public List<PlannedTask> tasks() {
        return units.stream().flatMap(unit -> unit.tasks().stream()).toList();
    }

    public Optional<PlannedTask> task(TaskId id) {
        return tasks().stream().filter(task -> task.task().equals(id)).findFirst();
    }
}
