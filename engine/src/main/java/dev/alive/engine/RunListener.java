package dev.alive.engine;

import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.time.Duration;
import java.util.List;

/**
 * Receives what happens during a run, as it happens. The CLI renders progress from it; tests
 * assert on it. Called from worker threads: implementations must be thread-safe. Every method
 * has an empty default.
 */
public interface RunListener {

    default void runStarted(String unit, String runId) {
    }

    /**
     * A run of {@code unit} found the earlier run {@code deadRunId} unfinished (its process died)
     * and is undoing it; undo events and {@code runFinished(unit, deadRunId, ...)} follow.
     */
    default void recoveryStarted(String unit, String deadRunId) {
    }

    default void taskStarted(TaskId task, List<String> reasons) {
    }

    default void taskSkipped(TaskId task) {
    }

    default void taskOutput(TaskId task, String line) {
    }

    default void taskFinished(TaskId task, Duration elapsed) {
    }

    default void taskFailed(TaskId task, Duration elapsed, Throwable error) {
    }

    default void taskUndone(TaskId task) {
    }

    default void undoFailed(TaskId task, Throwable error) {
    }

    default void runFinished(String unit, String runId, RunOutcome outcome, String summary) {
    }

    RunListener NONE = new RunListener() {
    };
}
