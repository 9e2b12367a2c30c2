package dev.alive.deploy;

import dev.alive.engine.ApplyResult;

/** What a rollback did: nothing (the release asked for is current already), or a run. */
public sealed interface RollbackResult {

    String site();

    /** The release made (or already) current. */
    String release();

    record AlreadyCurrent(String site, String release) implements RollbackResult {
    }

    /** @param previous the release that was current before the run (null when none was) */
    record RolledBack(String site, String release, String previous, ApplyResult result) implements RollbackResult {
    }
}
