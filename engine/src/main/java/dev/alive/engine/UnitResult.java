package dev.alive.engine;

import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How one unit fared in an apply (or destroy). */
public sealed interface UnitResult permits UnitResult.Finished, UnitResult.Locked, UnitResult.NotStarted {

    String unit();

    /**
     * The unit ran as run {@code runId}.
     *
     * @param kind what the run did: APPLY or ROLLBACK (from {@link Engine#apply}), DESTROY
     * @param ran tasks executed (for destroy: destroyed), in completion order
     * @param skipped tasks found up to date
     * @param failure the task failure that ended the run, if it failed because of one
     * @param undo what the rollback undid and left behind (empty when the run succeeded)
     * @param recovered dead earlier runs undone before this run began
     */
    record Finished(String unit, String runId, RunKind kind, RunOutcome outcome, List<TaskId> ran, List<TaskId> skipped,
            Optional<TaskFailure> failure, UndoReport undo, List<RecoveredRun> recovered, String summary)
            implements UnitResult {
        public Finished {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(outcome, "outcome");
            ran = List.copyOf(ran);
            skipped = List.copyOf(skipped);
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(undo, "undo");
            recovered = List.copyOf(recovered);
        }
    }

    /** Another live run holds the unit's lock; nothing was done. */
    record Locked(String unit, UnitLockedException error) implements UnitResult {
        public LockOwner holder() {
            return error.holder();
        }
    }

    /** The unit was not started because another unit failed and fail-fast was on. */
    record NotStarted(String unit, String reason) implements UnitResult {
    }
}
