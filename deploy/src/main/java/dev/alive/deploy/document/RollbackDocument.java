package dev.alive.deploy.document;

import dev.alive.deploy.RollbackResult;
import java.time.Duration;
import java.util.List;

/** What a rollback did: as an apply, plus the release made current and the one that was. */
public record RollbackDocument(boolean succeeded, long elapsedMillis, List<ApplyDocument.SiteRun> sites,
                               String release, String previous) implements Document {

    /** A rollback to the release that is current already: nothing ran. */
    public record AlreadyCurrent(boolean succeeded, String release, String previous, List<ApplyDocument.SiteRun> sites)
            implements Document {
    }

    public static Document of(RollbackResult result, Duration elapsed) {
        if (result instanceof RollbackResult.RolledBack run) {
            return new RollbackDocument(run.result().succeeded(), elapsed.toMillis(), ApplyDocument.sites(run.result()),
                    run.release(), run.previous());
        }
        return new AlreadyCurrent(true, result.release(), result.release(), List.of());
    }
}
