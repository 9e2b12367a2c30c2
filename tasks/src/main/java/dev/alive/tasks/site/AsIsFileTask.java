package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.host.MachineFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A live file of an adopted (as-is) site, recorded as the task's tree output exactly as it is: the
 * env file, the template unit with the instance's drop-ins, the shared Caddyfile. Run only reads
 * (and checks what the spec says against it); undo and destroy change nothing. A hand edit is
 * drift, and the rerun records the file again when it still agrees with the spec.
 *
 * @param root the file, or the folder {@code includes} select in
 * @param check what in the file's text disagrees with the spec (empty: it agrees); not for trees
 */
public final class AsIsFileTask extends IdentifiedTask {

    private final Path root;
    private final List<String> includes;
    private final boolean secret;
    private final List<Input> inputs;
    private final Function<String, List<String>> check;
    private final MachineFiles files;

    public AsIsFileTask(TaskId id, Set<TaskId> dependsOn, Path root, List<String> includes, boolean secret,
                        List<Input> inputs, Function<String, List<String>> check, MachineFiles files) {
        super(id, dependsOn);
        this.root = root;
        this.includes = List.copyOf(includes);
        this.secret = secret;
        this.inputs = List.copyOf(inputs);
        this.check = check;
        this.files = files;
    }

    @Override
    public List<Input> inputs() {
        return inputs;
    }

    @Override
    public Set<String> secretOutputs() {
        return secret ? Set.of("file") : Set.of();
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var problems = includes.isEmpty()
                ? files.read(root).map(check).orElse(List.of("it does not exist"))
                : files.isDirectory(root) ? List.<String>of() : List.of("it is not a folder");
        if (!problems.isEmpty()) {
            throw new AliveException(ErrorCategory.CONFLICT, "the adopted site's " + root + " disagrees with its spec: "
                    + String.join("; ", problems) + ". alive changes nothing of an as-is site: fix the spec or the"
                    + " file, or move the site to layout kind: releases");
        }
        context.log("recorded " + root + " as it is");
        return Map.of("file", new Output.Tree(root, includes, List.of()));
    }

    @Override
    public void undo(UndoContext context) {
        // run changed nothing
    }
}
