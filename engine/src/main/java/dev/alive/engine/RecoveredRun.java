package dev.alive.engine;

import dev.alive.engine.store.RunOutcome;
import java.util.Objects;

/**
 * An earlier run of a unit whose process died, found and undone by a later run before it did
 * anything else.
 *
 * @param outcome RECOVERED, or ROLLBACK_INCOMPLETE when something could not be undone
 */
public record RecoveredRun(String runId, RunOutcome outcome, UndoReport undo, String summary) {
    public RecoveredRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(undo, "undo");
    }
}
