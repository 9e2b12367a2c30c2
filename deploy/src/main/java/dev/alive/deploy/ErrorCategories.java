package dev.alive.deploy;

import dev.alive.engine.ApplyResult;
import dev.alive.engine.UnitResult;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.RunOutcome;
import java.util.Optional;

/**
 * The category of any failure an operation ends with, thrown or returned, for the adapters to map
 * (exit codes, HTTP statuses): one rule for the CLI and the server.
 */
public final class ErrorCategories {

    private ErrorCategories() {
    }

    /** An {@link AliveException}'s own category; anything else (a bug, an I/O error nobody named) is FAILED. */
    public static ErrorCategory of(Throwable error) {
        if (error instanceof AliveException alive) {
            return alive.category();
        }
        return ErrorCategory.FAILED;
    }

    /**
     * How an apply (or a rollback's run) ended: empty when every site succeeded; ROLLBACK_INCOMPLETE
     * when any site is left for the operator; CONFLICT when the only trouble is sites locked by
     * other runs; else FAILED (a site failed and was rolled back).
     */
    public static Optional<ErrorCategory> of(ApplyResult result) {
        if (result.rollbackIncomplete()) {
            return Optional.of(ErrorCategory.ROLLBACK_INCOMPLETE);
        }
        if (result.succeeded()) {
            return Optional.empty();
        }
        var onlyLocked = result.anyLocked() && result.finished().stream().allMatch(unit -> unit.failure().isEmpty());
        return Optional.of(onlyLocked ? ErrorCategory.CONFLICT : ErrorCategory.FAILED);
    }

    /** How a destroy ended: empty when done; CONFLICT when locked; a destroy that stopped half-way is ROLLBACK_INCOMPLETE. */
    public static Optional<ErrorCategory> ofDestroy(UnitResult result) {
        if (result instanceof UnitResult.Locked) {
            return Optional.of(ErrorCategory.CONFLICT);
        }
        return ((UnitResult.Finished) result).outcome() == RunOutcome.SUCCEEDED
                ? Optional.empty() : Optional.of(ErrorCategory.ROLLBACK_INCOMPLETE);
    }
}
