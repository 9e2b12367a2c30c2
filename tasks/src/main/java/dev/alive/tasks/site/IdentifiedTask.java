package dev.alive.tasks.site;

import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import java.util.Set;

/** A task's identity: its id and the tasks it depends on. */
abstract class IdentifiedTask implements Task {

    private final TaskId id;
    private final Set<TaskId> dependsOn;

    IdentifiedTask(TaskId id, Set<TaskId> dependsOn) {
        this.id = id;
        this.dependsOn = Set.copyOf(dependsOn);
    }

    @Override
    public final TaskId id() {
        return id;
    }

    @Override
    public final Set<TaskId> dependsOn() {
        return dependsOn;
    }
}
