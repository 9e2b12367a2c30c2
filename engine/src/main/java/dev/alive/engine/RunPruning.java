package dev.alive.engine;

import dev.alive.engine.store.PrunedRuns;
import dev.alive.engine.store.StateStore;

/**
 * Keeps a unit's history bounded: after each commit (the unit is locked, the run just succeeded,
 * so nothing older is needed to recover or explain), the store drops the unit's runs beyond
 * {@link EngineOptions#keepRuns}, at most {@link #AT_MOST_PER_RUN} of them, with what only they
 * referenced. A store that had many more (kept by an earlier version) catches up over the next runs.
 * A failure changes nothing and is left for the next commit: the run has committed already.
 */
final class RunPruning {

    /** Runs removed by one commit at most: one commit adds one run, so a backlog drains fast. */
    static final int AT_MOST_PER_RUN = 100;

    private final StateStore store;
    private final int keepRuns;

    RunPruning(StateStore store, int keepRuns) {
        this.store = store;
        this.keepRuns = keepRuns;
    }

    PrunedRuns afterCommit(String unit) {
        try {
            return store.pruneRuns(unit, keepRuns, AT_MOST_PER_RUN);
        } catch (RuntimeException e) {
            return PrunedRuns.NOTHING;
        }
    }
}
