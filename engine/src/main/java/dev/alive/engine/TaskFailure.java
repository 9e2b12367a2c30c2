package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.Objects;

/** The task whose failure ended a run, and why. */
public record TaskFailure(TaskId task, String message, Throwable error) {
    public TaskFailure {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(message, "message");
    }

    static TaskFailure of(TaskId task, Throwable error) {
        return new TaskFailure(task, Failures.describe(error), error);
    }

    @Override
    public String toString() {
        return task + " failed: " + message;
    }
}
