package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of the up-to-date check of one task. The task runs when {@code reasons} is not
 * empty. {@code unknownInputs} is only ever non-empty in plan: inputs whose value is known after
 * apply (with no reason, the task may run).
 */
record Decision(
        TaskId task,
        ResolvedInputs inputs,
        Optional<TaskState> committed,
        List<String> reasons,
        List<String> unknownInputs) {

    Decision {
        reasons = List.copyOf(reasons);
        unknownInputs = List.copyOf(unknownInputs);
    }

    boolean firstRun() {
        return committed.isEmpty();
    }

    boolean mustRun() {
        return !reasons.isEmpty();
    }
}
