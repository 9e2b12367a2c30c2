package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.Optional;

/**
 * Where the check finds the outputs of upstream tasks: in apply, this run's results (or the
 * committed state of skipped tasks); in plan, what the plan predicts.
 */
interface UpstreamOutputs {

    /** The output, or empty when it is only known after apply (plan only). */
    Optional<TaskState.RecordedOutput> output(TaskId task, String name);
}
