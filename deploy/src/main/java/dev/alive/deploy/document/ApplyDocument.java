package dev.alive.deploy.document;

import dev.alive.engine.ApplyResult;
import dev.alive.engine.UnitResult;
import dev.alive.engine.task.TaskId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What an apply did, per site. */
public record ApplyDocument(boolean succeeded, long elapsedMillis, List<SiteRun> sites) implements Document {

    public static ApplyDocument of(ApplyResult result, Duration elapsed) {
        return new ApplyDocument(result.succeeded(), elapsed.toMillis(), sites(result));
    }

    static List<SiteRun> sites(ApplyResult result) {
        return result.units().stream().map(SiteRun::of).toList();
    }

    /** One site of the apply: it ran, it was locked by another run, or it did not start. */
    public sealed interface SiteRun {

        static SiteRun of(UnitResult unit) {
            if (unit instanceof UnitResult.Finished f) {
                return new Ran(f.unit(), f.runId(), f.outcome().name().toLowerCase(Locale.ROOT), ids(f.ran()),
                        ids(f.skipped()),
                        f.failure().map(x -> new Failure(x.task().toString(), x.message())).orElse(null),
                        ids(f.undo().undone()), ids(f.undo().leftBehind()), f.summary());
            }
            if (unit instanceof UnitResult.Locked locked) {
                return new Locked(locked.unit(), "locked", locked.holder().describe());
            }
            var notStarted = (UnitResult.NotStarted) unit;
            return new NotStarted(notStarted.unit(), "not_started", notStarted.reason());
        }

        private static List<String> ids(List<TaskId> tasks) {
            return tasks.stream().map(TaskId::toString).toList();
        }
    }

    /** @param outcome succeeded, rolled_back or rollback_incomplete; @param failure null when none failed */
    public record Ran(String site, String runId, String outcome, List<String> ran, List<String> upToDate,
                      Failure failure, List<String> undone, List<String> leftBehind, String summary)
            implements SiteRun {
    }

    public record Locked(String site, String outcome, String lockedBy) implements SiteRun {
    }

    public record NotStarted(String site, String outcome, String summary) implements SiteRun {
    }

    public record Failure(String task, String message) {
    }
}
