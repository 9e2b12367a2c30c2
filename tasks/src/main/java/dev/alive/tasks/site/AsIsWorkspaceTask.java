package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.specs.SiteLayout;
import dev.alive.tasks.host.MachineFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An adopted site's workspace and app folder, recorded in place (no {@code releases/}). Recorded
 * by place, not by content: the live app writes into its folder (caches, uploads under
 * {@code .alive/files}), which is not drift. Drift is a folder gone.
 */
public final class AsIsWorkspaceTask extends IdentifiedTask {

    private final SiteLayout.AsIs layout;
    private final MachineFiles files;

    public AsIsWorkspaceTask(TaskId id, Set<TaskId> dependsOn, SiteLayout.AsIs layout, MachineFiles files) {
        super(id, dependsOn);
        this.layout = layout;
        this.files = files;
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.value("workspace", layout.workspace().toString()),
                Input.value("appDir", layout.appDir().toString()), Input.value("user", layout.user()));
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        return missing();
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var missing = missing();
        if (!missing.isEmpty()) {
            throw new AliveException(ErrorCategory.CONFLICT, String.join("; ", missing)
                    + ": alive changes nothing of an as-is site; fix the spec's layout");
        }
        return Map.of("workspace", Output.value(layout.workspace().toString()),
                "appDir", Output.value(layout.appDir().toString()));
    }

    private List<String> missing() {
        var missing = new ArrayList<String>();
        for (var dir : List.of(layout.workspace(), layout.appDir())) {
            if (!files.isDirectory(dir)) {
                missing.add(dir + " is not a folder");
            }
        }
        return missing;
    }

    @Override
    public void undo(UndoContext context) {
        // run changed nothing
    }
}
