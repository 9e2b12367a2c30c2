package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import dev.alive.tasks.host.TreeExcludes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copies the template's app into {@code releases/<id>/}: an immutable release whose id is the
 * fingerprint of everything it is built from (template files, build and start commands, app env,
 * installed dependencies), so a build never runs in the live release. node_modules, .git and the
 * build outputs are left out; node_modules links to the installed dependencies. The host's
 * {@code keepReleases} newest releases are kept (see {@link ReleasePruning}); folders left beyond
 * them (a run died before or while pruning) are drift, so the next apply prunes them.
 */
public final class ReleaseTask extends SiteTask {

    static final List<String> ALWAYS_EXCLUDED = List.of("node_modules", ".git");

    private final TaskId user;
    private final Optional<TaskId> install;

    public ReleaseTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId user, Optional<TaskId> install) {
        super(id, dependsOn, site);
        this.user = user;
        this.install = install;
    }

    @Override
    public List<Input> inputs() {
        var app = site.spec().app();
        var inputs = new ArrayList<Input>();
        inputs.add(Input.tree("template", site.appDir(), List.of(), excludes()));
        inputs.add(Input.value("build", app.build().map(b -> b.command() + " -> " + b.outputs()).orElse("")));
        inputs.add(Input.value("start", app.start()));
        inputs.addAll(site.envInputs());
        install.ifPresent(task -> inputs.add(Input.upstream("deps", task, "deps")));
        inputs.addAll(userInputs(user));
        return inputs;
    }

    /** Tree patterns: node_modules and .git at any depth, the build outputs at the top. */
    private List<String> excludes() {
        var excludes = new ArrayList<String>();
        ALWAYS_EXCLUDED.forEach(name -> excludes.add("**/" + name));
        site.spec().app().build().ifPresent(build -> excludes.addAll(build.outputs()));
        return excludes;
    }

    /** The release folder is gone, or folders are left that pruning removes (a run died before or while pruning). */
    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var dir = recordedValues.get("dir");
        if (dir == null || !files().isDirectory(Path.of(dir))) {
            return List.of("release folder " + dir + " is gone");
        }
        var leftovers = pruning().leftovers(recordedValues.get("release"));
        return leftovers.isEmpty() ? List.of() : List.of(leftovers.size() + " release folder"
                + (leftovers.size() == 1 ? " is" : "s are") + " left beyond keepReleases " + site.host().keepReleases()
                + ": " + String.join(", ", leftovers));
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var id = context.inputsFingerprint().substring(0, 12);
        var dir = site.paths().release(id);
        var outputs = Map.<String, Output>of("release", Output.value(id), "dir", Output.value(dir.toString()));
        if (files().isDirectory(dir)) {
            context.log("release " + id + " is already there: reused");
            prune(id, context);
            return outputs;
        }
        ensureSiteDirs(context);
        context.recordUndo("created", dir.toString());
        var staging = dir.resolveSibling("." + id + ".tmp");
        files().removeTree(staging);
        var buildOutputs = site.spec().app().build().map(build -> Set.copyOf(build.outputs())).orElse(Set.of());
        files().copyTree(site.appDir(), staging, new TreeExcludes(Set.copyOf(ALWAYS_EXCLUDED), buildOutputs));
        if (install.isPresent()) {
            var modules = Path.of(context.input("deps")).resolve("node_modules");
            files().symlink(staging.resolve("node_modules"), staging.relativize(modules));
        }
        files().restrictTree(staging);
        files().ownTree(staging, uid(context), gid(context));
        files().moveAtomically(staging, dir);
        context.log("release " + id + " copied from " + site.appDir());
        prune(id, context);
        return outputs;
    }

    /** Old releases beyond the host's keepReleases go, never the new or the live one. */
    private void prune(String id, TaskContext context) {
        pruning().prune(id, context::log);
    }

    private ReleasePruning pruning() {
        return new ReleasePruning(site.paths(), files(), site.host().keepReleases());
    }

    @Override
    public void undo(UndoContext context) {
        var created = context.notes().get("created");
        if (created != null) {
            var dir = Path.of(created);
            files().removeTree(dir);
            files().removeTree(dir.resolveSibling("." + dir.getFileName() + ".tmp"));
        }
        removeSiteDirIfCreated(context);
    }

    @Override
    public void destroy(TaskContext context) {
        files().removeTree(site.paths().siteDir());
    }
}
