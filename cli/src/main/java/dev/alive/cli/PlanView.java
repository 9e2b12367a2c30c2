package dev.alive.cli;

import dev.alive.deploy.document.PlanDocument;
import dev.alive.engine.Plan;
import dev.alive.engine.PlannedTask;
import dev.alive.engine.PlannedTask.Action;
import dev.alive.engine.UnitPlan;
import java.io.PrintWriter;

/** Renders a plan for a person (the JSON document, whose counts it prints, is deploy's {@code PlanDocument}). */
final class PlanView {

    private final Style style;
    private final boolean verbose;

    PlanView(Style style, boolean verbose) {
        this.style = style;
        this.verbose = verbose;
    }

    /** Tasks that run for the first time are listed without reasons (they are all "no committed state"; JSON has them). */
    void print(Plan plan, PrintWriter out) {
        for (var unit : plan.units()) {
            printUnit(unit, out);
        }
        var counts = PlanDocument.of(plan); // the same counts as --json's
        if (!plan.hasChanges()) {
            out.println(style.green("No changes.") + " " + counts.upToDate() + " up to date.");
        } else {
            var line = new StringBuilder("Plan: " + counts.toRun() + " to run");
            if (counts.knownAfterApply() > 0) {
                line.append(", ").append(counts.knownAfterApply()).append(" known after apply");
            }
            if (counts.removed() > 0) {
                line.append(", ").append(counts.removed()).append(" removed");
            }
            line.append(", ").append(counts.upToDate()).append(" up to date.");
            out.println(style.bold(line.toString()));
        }
        out.flush();
    }

    private void printUnit(UnitPlan unit, PrintWriter out) {
        var newSite = unit.tasks().stream().allMatch(PlannedTask::firstRun);
        out.println(style.bold(unit.unit()) + (newSite ? style.dim(" (new site)") : ""));
        unit.lockHolder().ifPresent(holder -> out.println("  ! locked by " + holder.describe()));
        unit.unfinishedRuns().forEach(run -> out.println("  ! run " + run + " left work undone (it died, or its rollback was incomplete): apply finishes that first"));
        var upToDate = 0;
        for (var task : unit.tasks()) {
            if (task.action() == Action.UP_TO_DATE) {
                upToDate++;
                if (verbose) {
                    out.println("  = " + task.task().name());
                }
                continue;
            }
            out.println("  " + colour(task) + " " + task.task().name() + (task.firstRun() ? "" : reasons(task)));
        }
        if (!verbose && upToDate > 0) {
            out.println(style.dim("  = " + upToDate + " up to date"));
        }
    }

    private String colour(PlannedTask task) {
        return switch (task.action()) {
            case RUN -> task.firstRun() ? style.green("+") : style.yellow("~");
            case KNOWN_AFTER_APPLY -> style.yellow("?");
            case REMOVED -> style.red("-");
            case UP_TO_DATE -> "=";
        };
    }

    private static String reasons(PlannedTask task) {
        if (task.reasons().isEmpty()) {
            return "";
        }
        return "  (" + String.join("; ", task.reasons()) + ")";
    }
}
