package dev.alive.engine;

import dev.alive.engine.store.JournalEntry.Kind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why a task's last attempt makes it run again: read from the unit's runs since its last
 * successful one (a successful run leaves every task consistent with the committed state).
 * The newest run that touched a task decides.
 */
final class LastAttempts {

    static final int RUNS_LOOKED_AT = 50;
    /** Usually enough: the current run (in apply) and a successful one before it. */
    private static final int FIRST_LOOK = 2;

    private final Map<TaskId, String> reasons;

    private LastAttempts(Map<TaskId, String> reasons) {
        this.reasons = reasons;
    }

    /** Reads the unit's history, leaving out {@code currentRunId} (may be null). */
    static LastAttempts read(StateStore store, String unit, String currentRunId) {
        var reasons = new HashMap<TaskId, String>();
        var runs = store.runs(unit, FIRST_LOOK);
        if (runs.size() == FIRST_LOOK && runs.stream().noneMatch(run -> isEarlierSuccess(run, currentRunId))) {
            runs = store.runs(unit, RUNS_LOOKED_AT);
        }
        for (var run : runs) {
            if (run.runId().equals(currentRunId)) {
                continue;
            }
            if (run.outcome() == RunOutcome.SUCCEEDED) {
                break;
            }
            attemptsIn(store, run).forEach(reasons::putIfAbsent);
        }
        return new LastAttempts(reasons);
    }

    private static boolean isEarlierSuccess(RunRecord run, String currentRunId) {
        return run.outcome() == RunOutcome.SUCCEEDED && !run.runId().equals(currentRunId);
    }

    Optional<String> reason(TaskId task) {
        return Optional.ofNullable(reasons.get(task));
    }

    private static Map<TaskId, String> attemptsIn(StateStore store, RunRecord run) {
        var failed = new HashMap<TaskId, Boolean>();
        var lastUndo = new HashMap<TaskId, Kind>();
        for (var entry : store.journal(run.runId())) {
            switch (entry.kind()) {
                case STARTED -> failed.putIfAbsent(entry.taskId(), false);
                case FAILED -> failed.put(entry.taskId(), true);
                case UNDONE, UNDO_FAILED -> lastUndo.put(entry.taskId(), entry.kind());
                default -> { }
            }
        }
        var result = new HashMap<TaskId, String>();
        failed.forEach((task, didFail) -> result.put(task, describe(didFail, lastUndo.get(task), run.outcome())));
        return result;
    }

    private static String describe(boolean failed, Kind lastUndo, RunOutcome outcome) {
        if (failed) {
            return "last attempt failed";
        }
        if (lastUndo == Kind.UNDO_FAILED) {
            return "last attempt could not be undone";
        }
        if (lastUndo == Kind.UNDONE) {
            return "last attempt was undone";
        }
        return outcome == RunOutcome.RUNNING ? "last attempt was interrupted" : "last attempt was not committed";
    }
}
