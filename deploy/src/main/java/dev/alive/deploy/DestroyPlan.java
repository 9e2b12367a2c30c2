package dev.alive.deploy;

import dev.alive.engine.task.TaskId;
import java.util.List;

/** A destroy's dry run: the tasks of the site whose work it would remove, in the order it would. */
public record DestroyPlan(String site, List<TaskId> removalOrder) {
}
