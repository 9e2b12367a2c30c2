package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteSetup;
import dev.alive.tasks.system.FileOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <envDir>/<slug>.env}: DOMAIN, PORT and the app env. Mode 0640 root:site-user (0600 when
 * the site runs as alive's own user). Secret values are written to the file only: they are never
 * logged and never part of an undo note (the previous file is backed up in the run's backup dir).
 */
public final class EnvTask extends SiteTask {

    private final TaskId user;
    private final TaskId port;

    public EnvTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, TaskId user, TaskId port) {
        super(id, dependsOn, setup);
        this.user = user;
        this.port = port;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.value("file", file().toString()));
        inputs.add(Input.value("domain", setup.site().domain()));
        inputs.add(Input.upstream("port", port, "port"));
        inputs.addAll(setup.envInputs());
        inputs.addAll(userInputs(user));
        return inputs;
    }

    private Path file() {
        return setup.paths().envFile();
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var file = file();
        noteRunningInstance(context);
        FileBackup.before(context, file);
        var text = new StringBuilder();
        text.append("DOMAIN=").append(setup.site().domain()).append('\n');
        text.append("PORT=").append(context.input("port")).append('\n');
        setup.appEnvironment().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (setup.createsUsers()) {
            FileOps.writeAtomically(file, bytes, "rw-r-----", 0, gid(context));
        } else {
            FileOps.writeAtomically(file, bytes, "rw-------");
        }
        return Map.of("file", Output.tree(file));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        if (FileBackup.restore(context, file())) {
            restartIfRestartedSince(context);
        }
    }

    @Override
    public void destroy(TaskContext context) throws IOException {
        Files.deleteIfExists(file());
    }

    /** Reads an env file back (KEY=VALUE lines), for services started by alive itself. */
    public static Map<String, String> read(Path file) throws IOException {
        var values = new java.util.LinkedHashMap<String, String>();
        for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            var eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
