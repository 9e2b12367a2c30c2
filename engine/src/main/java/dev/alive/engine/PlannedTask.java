package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.util.List;
import java.util.Objects;

/**
 * What plan predicts for one task, with the reasons.
 *
 * @param firstRun true when the task has no committed state (shown as "+", a rerun as "~")
 */
public record PlannedTask(TaskId task, Action action, List<String> reasons, boolean firstRun) {

    public PlannedTask {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
    }

    public enum Action {
        /** Apply will run the task, for the reasons given. */
        RUN,
        /** Apply will skip the task. */
        UP_TO_DATE,
        /**
         * Apply runs the task only if an upstream output it reads changes; that output is known
         * after apply (the reasons name the inputs).
         */
        KNOWN_AFTER_APPLY,
        /** The task has committed state but is no longer in the graph: apply drops its state. */
        REMOVED
    }

    /** A one-character marker: "+" first run, "~" rerun, "?" known after apply, "-" removed, " " up to date. */
    public String symbol() {
        return switch (action) {
            case RUN -> firstRun ? "+" : "~";
            case UP_TO_DATE -> " ";
            case KNOWN_AFTER_APPLY -> "?";
            case REMOVED -> "-";
        };
    }
}
