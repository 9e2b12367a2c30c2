package dev.alive.cli;

import dev.alive.engine.ApplyResult;
import dev.alive.engine.UnitResult;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The end of an apply: a paragraph per site that did not simply succeed, and the closing line (the
 * JSON document is deploy's {@code ApplyDocument}).
 */
final class ApplyView {

    private final Style style;

    ApplyView(Style style) {
        this.style = style;
    }

    void print(ApplyResult result, Duration elapsed, PrintWriter out, PrintWriter err) {
        printProblems(result, out, err);
        var figures = Counts.of(result) + ", " + ApplyProgress.seconds(elapsed);
        if (result.succeeded()) {
            out.println(style.green("Apply complete: " + figures));
        } else {
            long failed = result.units().stream().filter(u -> !(u instanceof UnitResult.Finished f
                    && f.outcome() == RunOutcome.SUCCEEDED)).count();
            out.println(style.red("Apply failed: " + failed + " of " + result.units().size() + " sites not applied; "
                    + figures));
        }
        out.flush();
    }

    /**
     * One paragraph per site that did not simply succeed: what failed, what was undone or left
     * behind, and what to do. A locked site is one line on {@code err}.
     */
    void printProblems(ApplyResult result, PrintWriter out, PrintWriter err) {
        for (var unit : result.units()) {
            if (unit instanceof UnitResult.Finished f) {
                f.failure().ifPresent(failure -> {
                    out.println(style.red(f.unit() + ": " + failure.task().name() + " failed:"));
                    failure.message().lines().forEach(line -> out.println("    " + line));
                    out.println("  " + (f.undo().complete()
                            ? "undone: " + names(f.undo().undone()) + "; the site is as it was before this run."
                            : "ROLLBACK INCOMPLETE, left behind: " + String.join("; ", f.undo().problems())
                                    + ". Fix what is named, then apply again: it finishes the rollback first."));
                });
            } else if (unit instanceof UnitResult.Locked locked) {
                err.println("alive: " + locked.unit() + " is locked by " + locked.holder().describe()
                        + "; try again when it has finished, or use --lock-wait");
            } else if (unit instanceof UnitResult.NotStarted notStarted) {
                out.println(notStarted.unit() + ": not started (" + notStarted.reason() + ")");
            }
        }
        out.flush();
        err.flush();
    }

    /** Tasks ran and up to date over every site that ran. */
    private record Counts(int ran, int upToDate) {
        static Counts of(ApplyResult result) {
            int ran = 0;
            int upToDate = 0;
            for (var unit : result.finished()) {
                ran += unit.ran().size();
                upToDate += unit.skipped().size();
            }
            return new Counts(ran, upToDate);
        }

        @Override
        public String toString() {
            return ran + " ran, " + upToDate + " up to date";
        }
    }

    private static String names(List<TaskId> tasks) {
        return tasks.isEmpty() ? "nothing" : String.join(", ", tasks.stream().map(TaskId::name).toList());
    }
}
