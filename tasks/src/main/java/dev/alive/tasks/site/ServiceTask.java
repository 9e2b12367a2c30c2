package dev.alive.tasks.site;

import dev.alive.engine.Input;
import dev.alive.engine.Output;
import dev.alive.engine.TaskContext;
import dev.alive.engine.TaskId;
import dev.alive.engine.UndoContext;
import dev.alive.tasks.SiteSetup;
import dev.alive.tasks.system.FileOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        var file = file();
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            var backup = context.backupDir().resolve("service.backup");
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            context.recordUndo("backup", backup.toString());
        } else {
            context.recordUndo("absent", file.toString());
        }
        var text = setup.services().definition(setup, runAs(context));
        FileOps.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        setup.services().installed(setup);
        return Map.of("definition", Output.tree(file));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        var backup = context.notes().get("backup");
        if (backup != null && Files.exists(Path.of(backup))) {
            Files.move(Path.of(backup), file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            setup.services().installed(setup);
        } else if (context.notes().containsKey("absent")) {
            Files.deleteIfExists(file());
            setup.services().removed(setup);
        }
    }

    @Override
    public void destroy(TaskContext context) throws IOException {
        if (Files.deleteIfExists(file())) {
            setup.services().removed(setup);
        }
    }
}
