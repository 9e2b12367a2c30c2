package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import dev.alive.tasks.host.FileAccess;
import java.io.IOException;
import java.nio.file.Path;
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

    public InstallTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId user) {
        super(id, dependsOn, site);
        this.user = user;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.tree("packages", site.appDir(), PACKAGE_FILES, List.of()));
        inputs.add(Input.value("command", site.spec().app().install().orElseThrow()));
        inputs.addAll(userInputs(user));
        return inputs;
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var deps = recordedValues.get("deps");
        return deps != null && files().exists(Path.of(deps, MARKER))
                ? List.of() : List.of("installed dependencies at " + deps + " are gone");
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var deps = site.paths().deps(context.inputsFingerprint().substring(0, 12));
        if (files().exists(deps.resolve(MARKER))) {
            context.log("reused dependencies installed earlier in " + site.paths().siteDir().relativize(deps));
            return Map.of("deps", Output.value(deps.toString()));
        }
        ensureSiteDirs(context);
        context.recordUndo("created", deps.toString());
        files().removeTree(deps);
        files().makeDirectories(deps);
        for (var name : PACKAGE_FILES) {
            var file = site.appDir().resolve(name);
            if (files().isRegularFile(file)) {
                files().copyFile(file, deps.resolve(name));
            }
        }
        files().ownTree(deps, uid(context), gid(context));
        site.machine().commands().run(site.specCommand(site.spec().app().install().orElseThrow(), deps,
                Map.of(), runAs(context)).inRun(context.runId()), context::log);
        files().write(deps.resolve(MARKER), new byte[0], FileAccess.of("rw-r--r--"));
        return Map.of("deps", Output.value(deps.toString()));
    }

    @Override
    public void undo(UndoContext context) {
        var created = context.notes().get("created");
        if (created != null) {
            files().removeTree(Path.of(created));
        }
        removeSiteDirIfCreated(context);
    }
}
