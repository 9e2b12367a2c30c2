package dev.alive.engine;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A task that does nothing, for graph-shape tests the fluent fixture cannot express. */
record StubTask(TaskId id, Set<TaskId> dependsOn, List<Input> inputs) implements Task {

    @Override
    public Map<String, Output> run(TaskContext context) {
        return Map.of();
    }

    @Override
    public void undo(UndoContext context) {
    }
}
