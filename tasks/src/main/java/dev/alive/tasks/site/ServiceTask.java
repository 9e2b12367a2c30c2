package dev.alive.tasks.site;

import dev.alive.engine.Input;
import dev.alive.engine.Output;
import dev.alive.engine.TaskContext;
import dev.alive.engine.TaskId;
import dev.alive.engine.UndoContext;
import dev.alive.tasks.SiteSetup;
import java.io.IOException;
import java.nio.file.Files;
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

    public ServiceTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, TaskId user) {
        super(id, dependsOn, setup);
        this.user = user;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.value("file", file().toString()));
        inputs.add(Input.value("start", setup.site().app().start()));
        inputs.addAll(userInputs(user));
        return inputs;
    }

    private Path file() {
        return setup.services().definitionFile(setup);
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        noteRunningInstance(context);
        FileBackup.before(context, file());
        setup.services().install(setup, runAs(context));
        return Map.of("definition", Output.tree(file()));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        if (FileBackup.restore(context, file())) {
            setup.services().reload(setup);
            restartIfRestartedSince(context);
        }
    }

    @Override
    public void destroy(TaskContext context) throws IOException {
        if (Files.deleteIfExists(file())) {
            setup.services().reload(setup);
        }
        setup.services().purge(setup);
    }
}
