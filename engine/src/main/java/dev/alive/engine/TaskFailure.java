package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.Objects;

/** The task whose failure ended a run, and why: its message and error with the run's secrets hidden. */
public record TaskFailure(TaskId task, String message, Throwable error) {
    public TaskFailure {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return task + " failed: " + message;
    }
}
