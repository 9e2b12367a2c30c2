package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;

/** How one task ended within a run. */
sealed interface TaskResult {

    TaskId task();

    /** Up to date: {@code state} is the committed one. */
    record Skipped(TaskId task, TaskState state) implements TaskResult {
    }

    /** Ran and succeeded: {@code state} is pending until the run commits (null after a destroy, which commits none). */
    record Ran(TaskId task, TaskState state) implements TaskResult {
    }

    /** Failed; {@code executed} when its run had started (so it must be undone). */
    record Failed(TaskId task, Throwable error, boolean executed) implements TaskResult {
    }
}
