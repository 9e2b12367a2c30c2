package dev.alive.deploy.document;

import dev.alive.engine.Plan;
import dev.alive.engine.PlannedTask;
import dev.alive.engine.PlannedTask.Action;
import dev.alive.engine.UnitPlan;
import java.util.List;
import java.util.Locale;

/** What a plan would do: the counts over all sites, then per site its tasks. */
public record PlanDocument(boolean changes, int toRun, int knownAfterApply, int removed, int upToDate,
                           List<SitePlan> sites) implements Document {

    /** @param lockedBy who holds the site's lock, or null */
    public record SitePlan(String site, List<TaskPlan> tasks, List<String> unfinishedRuns, String lockedBy) {
        static SitePlan of(UnitPlan unit) {
            return new SitePlan(unit.unit(), unit.tasks().stream().map(TaskPlan::of).toList(), unit.unfinishedRuns(),
                    unit.lockHolder().map(holder -> holder.describe()).orElse(null));
        }
    }

    /** @param action run, known_after_apply, removed or up_to_date */
    public record TaskPlan(String id, String name, String action, boolean firstRun, List<String> reasons) {
        static TaskPlan of(PlannedTask task) {
            return new TaskPlan(task.task().toString(), task.task().name(),
                    task.action().name().toLowerCase(Locale.ROOT), task.firstRun(), task.reasons());
        }
    }

    public static PlanDocument of(Plan plan) {
        var tasks = plan.tasks();
        return new PlanDocument(plan.hasChanges(), count(tasks, Action.RUN), count(tasks, Action.KNOWN_AFTER_APPLY),
                count(tasks, Action.REMOVED), count(tasks, Action.UP_TO_DATE),
                plan.units().stream().map(SitePlan::of).toList());
    }

    private static int count(List<PlannedTask> tasks, Action action) {
        return (int) tasks.stream().filter(task -> task.action() == action).count();
    }
}
