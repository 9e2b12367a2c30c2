package dev.alive.engine;

import dev.alive.engine.store.JournalEntry.Kind;
import dev.alive.engine.store.RunKind;
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
 *
 * <p>An apply reruns every task touched since then, even one whose undo succeeded: a rerun makes
 * sure the task's work is as the spec says, whatever its undo missed. A rollback cannot rerun a
 * task (it puts an earlier release back and changes nothing else), and it starts from the
 * committed state, which a successful undo restored: so in a {@link RunKind#ROLLBACK} run only a
 * task that some run since the last success left changed counts (its undo failed, or it was never
 * undone), with that run's reason.
 */
final class LastAttempts {

    static final int RUNS_LOOKED_AT = 50;
    /** Usually enough: the current run (in apply) and a successful one before it. */
    private static final int FIRST_LOOK = 2;

    private final Map<TaskId, String> reasons;

    private LastAttempts(Map<TaskId, String> reasons) {
        this.reasons = reasons;
    }

    /** Reads the unit's history for a run of {@code kind}, leaving out {@code currentRunId} (may be null). */
    static LastAttempts read(StateStore store, String unit, String currentRunId, RunKind kind) {
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
            attemptsIn(store, run).forEach((task, attempt) -> {
                if (kind != RunKind.ROLLBACK || !attempt.undone()) {
                    reasons.putIfAbsent(task, attempt.reason());
                }
            });
        }
        return new LastAttempts(reasons);
    }

    private static boolean isEarlierSuccess(RunRecord run, String currentRunId) {
        return run.outcome() == RunOutcome.SUCCEEDED && !run.runId().equals(currentRunId);
    }

    Optional<String> reason(TaskId task) {
        return Optional.ofNullable(reasons.get(task));
    }

    private static Map<TaskId, Attempt> attemptsIn(StateStore store, RunRecord run) {
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
        var result = new HashMap<TaskId, Attempt>();
        failed.forEach((task, didFail) -> result.put(task, new Attempt(didFail, lastUndo.get(task), run.outcome())));
        return result;
    }

    /** One task's attempt in one run: whether it failed, how its undo ended (null: not undone). */
    private record Attempt(boolean failed, Kind lastUndo, RunOutcome outcome) {

        /** Whether an undo took the attempt back (a retried undo counts by its last try). */
        boolean undone() {
            return lastUndo == Kind.UNDONE;
        }

        String reason() {
            if (failed) {
                return lastUndo == Kind.UNDO_FAILED ? "last attempt failed and could not be undone"
                        : "last attempt failed";
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
}
