package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site's service definition: a hardened systemd unit, or the local process definition. It is
 * checked before it is installed; undo puts the previous file back.
 */
public final class ServiceTask extends SiteTask {

    private final TaskId user;

    public ServiceTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId user) {
        super(id, dependsOn, site);
        this.user = user;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.value("file", file().toString()));
        inputs.add(Input.value("start", site.spec().app().start()));
        inputs.addAll(userInputs(user));
        return inputs;
    }

    private Path file() {
        return site.services().definitionFile(site);
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        noteRunningInstance(context);
        FileBackup.before(context, files(), file());
        site.services().install(site, runAs(context));
        return Map.of("definition", Output.tree(file()));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        if (FileBackup.restore(context, files(), file())) {
            site.services().reload(site);
            if (files().exists(file())) {
                restartIfRestartedSince(context);
            } else if (site.services().instance(site).isPresent()) {
                // no definition any more (a first deploy whose activate could not be undone): stop
                // the app rather than restart it from a definition that is gone
                site.services().stop(site);
                context.log("stopped the app: its service definition was removed");
            }
        }
    }

    @Override
    public void destroy(TaskContext context) throws IOException {
        if (files().remove(file())) {
            site.services().reload(site);
        }
        site.services().purge(site);
    }
}
