package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteSetup;
import dev.alive.tasks.system.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Installs the app's dependencies into {@code deps/<id>/node_modules}, where {@code id} comes from
 * the package files and the install command. Releases link to it, so a template change that
 * leaves the package files alone reuses the installed dependencies; going back to earlier package
 * files reuses the folder that was installed for them, if it is still kept.
 */
public final class InstallTask extends SiteTask {

    static final List<String> PACKAGE_FILES = List.of("package.json", "package-lock.json", "npm-shrinkwrap.json",
            "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock", ".npmrc");
    private static final String MARKER = ".alive-installed";

    private final TaskId user;

    public InstallTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, TaskId user) {
        super(id, dependsOn, setup);
        this.user = user;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.tree("packages", setup.appDir(), PACKAGE_FILES, List.of()));
        inputs.add(Input.value("command", setup.site().app().install().orElseThrow()));
        inputs.addAll(userInputs(user));
        return inputs;
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var deps = recordedValues.get("deps");
        return deps != null && Files.exists(java.nio.file.Path.of(deps, MARKER))
                ? List.of() : List.of("installed dependencies at " + deps + " are gone");
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var deps = setup.paths().deps(context.inputsFingerprint().substring(0, 12));
        if (Files.exists(deps.resolve(MARKER))) {
            context.log("reused dependencies installed earlier in " + setup.paths().siteDir().relativize(deps));
            return Map.of("deps", Output.value(deps.toString()));
        }
        ensureSiteDirs(context);
        context.recordUndo("created", deps.toString());
        if (Files.exists(deps)) {
            FileTrees.delete(deps);
        }
        Files.createDirectories(deps);
        for (var name : PACKAGE_FILES) {
            var file = setup.appDir().resolve(name);
            if (Files.isRegularFile(file)) {
                Files.copy(file, deps.resolve(name));
            }
        }
        FileTrees.chown(deps, uid(context), gid(context));
        setup.system().commands().run(setup.specCommand(setup.site().app().install().orElseThrow(), deps,
                Map.of(), runAs(context)), context::log);
        Files.createFile(deps.resolve(MARKER));
        return Map.of("deps", Output.value(deps.toString()));
    }

    @Override
    public void undo(UndoContext context) {
        var created = context.notes().get("created");
        if (created != null) {
            ReleaseTask.deleteIfPresent(java.nio.file.Path.of(created));
        }
        removeSiteDirIfCreated(context);
    }
}
