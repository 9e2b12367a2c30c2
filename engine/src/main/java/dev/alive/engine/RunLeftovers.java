package dev.alive.engine;

import dev.alive.engine.store.RunRecord;

/**
 * Stops what a dead run left running on this machine (the commands its tasks started), before
 * recovery undoes the run. The engine calls it only for runs of this host ({@link RunRecord#host()}
 * equal to {@link EngineOptions#hostName()}), with the unit's lock held; an implementation must
 * stop only what is provably the dead run's own (tasks mark their commands with the run id).
 */
@FunctionalInterface
public interface RunLeftovers {

    /** Leaves everything as it is (the engine alone knows no processes). */
    RunLeftovers NONE = deadRun -> { };

    void stop(RunRecord deadRun);
}
