package dev.alive.engine;

import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;

/**
 * What one kind of run does inside the {@link RunLifecycle}, which does everything around it
 * (lock, recovery, run record, journal, commit, finish). Apply and rollback schedule the unit's
 * tasks; destroy walks them in reverse.
 */
sealed interface RunBody permits ApplyBody, DestroyBody {

    /** How the run is recorded. */
    RunKind kind();

    /** Does the run's work; commits nothing. */
    RunWork perform(OpenRun run);

    /** Undoes what can be undone of a run that cannot commit; the lifecycle then finishes the run so. */
    Closing close(OpenRun run, RunWork.Stopped work);

    /** How a run that could not commit ends. */
    record Closing(RunOutcome outcome, UndoReport report, String summary) {
    }
}
