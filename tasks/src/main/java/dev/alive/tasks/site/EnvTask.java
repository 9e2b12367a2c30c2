package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import dev.alive.tasks.host.FileAccess;
import dev.alive.tasks.host.MachineFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code <envDir>/<slug>.env}: DOMAIN, PORT and the app env. Mode 0640 root:site-user (0600 when
 * the site runs as alive's own user). Secret values are written to the file only: they are never
 * logged and never part of an undo note (the previous file is backed up in the run's backup dir).
 * Its output {@code file} is a secret tree ({@link #secretOutputs()}): the store records it by
 * HMAC under its key and keeps no plain SHA-256 of the file, which a dictionary could be tried on.
 */
public final class EnvTask extends SiteTask {

    private final TaskId user;
    private final TaskId port;

    public EnvTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId user, TaskId port) {
        super(id, dependsOn, site);
        this.user = user;
        this.port = port;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.value("file", file().toString()));
        inputs.add(Input.value("domain", site.spec().domain()));
        inputs.add(Input.upstream("port", port, "port"));
        inputs.addAll(site.envInputs());
        inputs.addAll(userInputs(user));
        return inputs;
    }

    @Override
    public Set<String> secretOutputs() {
        return Set.of("file");
    }

    private Path file() {
        return site.paths().envFile();
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var file = file();
        noteRunningInstance(context);
        FileBackup.before(context, files(), file);
        var text = new StringBuilder();
        text.append("DOMAIN=").append(site.spec().domain()).append('\n');
        text.append("PORT=").append(context.input("port")).append('\n');
        site.appEnvironment().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        var bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        files().write(file, bytes, site.createsUsers()
                ? FileAccess.of("rw-r-----").ownedBy(0, gid(context))
                : FileAccess.of("rw-------"));
        return Map.of("file", Output.tree(file));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        if (FileBackup.restore(context, files(), file())) {
            restartIfRestartedSince(context);
        }
    }

    @Override
    public void destroy(TaskContext context) throws IOException {
        files().remove(file());
    }

    /** Reads an env file back (KEY=VALUE lines), for services started by alive itself. */
    public static Map<String, String> read(MachineFiles files, Path file) {
        var text = files.read(file).orElseThrow(() -> new UncheckedIOException("cannot read " + file
                + ": it does not exist", new NoSuchFileException(file.toString())));
        var values = new LinkedHashMap<String, String>();
        for (var line : text.lines().toList()) {
            var eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
