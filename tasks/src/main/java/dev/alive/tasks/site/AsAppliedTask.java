package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site task as last applied, for a rollback run: it must be up to date, or the run fails (the
 * spec changed since the last apply, or an earlier run left the task changed: its undo failed);
 * a task whose failed attempt was undone is up to date for a rollback (the engine's rule). Its own
 * drift checks are ignored, so a broken live release can be rolled back; undo (of a dead earlier
 * run) is the task's own, and so is the way its outputs are recorded (secret trees by HMAC).
 */
public record AsAppliedTask(Task task) implements Task {

    @Override
    public TaskId id() {
        return task.id();
    }

    @Override
    public Set<TaskId> dependsOn() {
        return task.dependsOn();
    }

    @Override
    public List<Input> inputs() {
        return task.inputs();
    }

    @Override
    public boolean outputsKnownAfterRun() {
        return task.outputsKnownAfterRun();
    }

    @Override
    public Set<String> secretOutputs() {
        return task.secretOutputs();
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var why = String.join("; ", context.reasons());
        if (context.reasons().stream().anyMatch(reason -> reason.startsWith("last attempt"))) {
            throw new AliveException(ErrorCategory.CONFLICT, "an earlier run left this task changed (" + why
                    + "), so the site is not as last applied and a rollback cannot start from it;"
                    + " apply the site's spec to repair it (alive apply SPEC; alive history DOMAIN shows what"
                    + " failed), then roll back");
        }
        throw new AliveException(ErrorCategory.CONFLICT, "the spec or the site changed since the last apply ("
                + why + "), so this task would have to run; apply the spec (or restore it as it was)"
                + " before rolling back");
    }

    @Override
    public void undo(UndoContext context) throws Exception {
        task.undo(context);
    }
}
