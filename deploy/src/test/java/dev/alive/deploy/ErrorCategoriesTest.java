package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.ApplyResult;
import dev.alive.engine.TaskFailure;
import dev.alive.engine.UndoReport;
import dev.alive.engine.UnitLockedException;
import dev.alive.engine.UnitResult;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorCategoriesTest {

    private static final UndoReport NOTHING_UNDONE = new UndoReport(List.of(), List.of(), List.of());

    @Test
    void anApplyEndsWithTheWorstOfItsSites() {
        var ok = finished("a.test", RunOutcome.SUCCEEDED, Optional.empty());
        var failed = finished("b.test", RunOutcome.ROLLED_BACK,
                Optional.of(new TaskFailure(TaskId.of("b.test", "build"), "exit 1", null)));
        var incomplete = finished("c.test", RunOutcome.ROLLBACK_INCOMPLETE, Optional.empty());
        var locked = new UnitResult.Locked("d.test", new UnitLockedException("d.test",
                new LockOwner("host", 1, "other-run", Instant.now())));

        assertThat(ErrorCategories.of(new ApplyResult(List.of(ok)))).isEmpty();
        assertThat(ErrorCategories.of(new ApplyResult(List.of(ok, locked)))).contains(ErrorCategory.CONFLICT);
        assertThat(ErrorCategories.of(new ApplyResult(List.of(ok, failed, locked)))).contains(ErrorCategory.FAILED);
        assertThat(ErrorCategories.of(new ApplyResult(List.of(failed, incomplete, locked))))
                .contains(ErrorCategory.ROLLBACK_INCOMPLETE);
    }

    @Test
    void aDestroyThatStoppedHalfWayIsLeftForTheOperator() {
        assertThat(ErrorCategories.ofDestroy(finished("a.test", RunOutcome.SUCCEEDED, Optional.empty()))).isEmpty();
        assertThat(ErrorCategories.ofDestroy(finished("a.test", RunOutcome.ROLLBACK_INCOMPLETE, Optional.empty())))
                .contains(ErrorCategory.ROLLBACK_INCOMPLETE);
    }

    @Test
    void aThrownFailureKeepsItsCategoryAndAnythingElseIsAFailure() {
        assertThat(ErrorCategories.of(new AliveException(ErrorCategory.UNAVAILABLE, "down"))).isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(ErrorCategories.of(new IllegalStateException("bug"))).isEqualTo(ErrorCategory.FAILED);
    }

    private static UnitResult.Finished finished(String unit, RunOutcome outcome, Optional<TaskFailure> failure) {
        return new UnitResult.Finished(unit, "run-" + unit, RunKind.APPLY, outcome, List.of(), List.of(), failure,
                NOTHING_UNDONE, List.of(), "summary");
    }
}
