package dev.alive.tasks.site;

import dev.alive.engine.fingerprint.TreeFingerprinter;
import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the build command in a new release, as the site user, with a clean environment. Its
 * outputs (e.g. dist/) are recorded by fingerprint, so a later edit of them is drift. Undo is the
 * release's: a build only ever runs in a release this run made (or one that is not live): a
 * rerun in the live release whose outputs are as committed keeps them instead of rebuilding.
 */
public final class BuildTask extends SiteTask {

    private final TaskId user;
    private final TaskId release;

    public BuildTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId user, TaskId release) {
        super(id, dependsOn, site);
        this.user = user;
        this.release = release;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.upstream("release", release, "release"));
        inputs.add(Input.upstream("dir", release, "dir"));
        inputs.add(Input.value("command", build().command()));
        inputs.addAll(site.envInputs());
        inputs.addAll(userInputs(user));
        return inputs;
    }

    private dev.alive.specs.Site.Build build() {
        return site.spec().app().build().orElseThrow();
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var dir = Path.of(context.input("dir"));
        if (isLive(dir) && outputsAsCommitted(context)) {
            context.log("release " + context.input("release") + " is live and its build outputs are as built:"
                    + " not rebuilt in place");
            return outputs(dir);
        }
        site.machine().commands().run(site.specCommand(build().command(), dir, site.appEnvironment(), runAs(context))
                .inRun(context.runId()), context::log);
        return outputs(dir);
    }

    private Map<String, Output> outputs(Path dir) {
        var outputs = new LinkedHashMap<String, Output>();
        for (var output : build().outputs()) {
            outputs.put("output:" + output, Output.tree(dir.resolve(output)));
        }
        return outputs;
    }

    /**
     * The release {@code current} points at. A rerun there (its last attempt failed or was undone,
     * as after a rolled-back redeploy that is reverted) must not delete the outputs it serves.
     */
    private boolean isLive(Path dir) {
        var link = site.paths().currentLink();
        return files().readLink(link)
                .map(target -> link.getParent().resolve(target).normalize().equals(dir.normalize()))
                .orElse(false);
    }

    /** The committed outputs are these folders, unchanged (a drifted one is rebuilt). */
    private boolean outputsAsCommitted(TaskContext context) {
        var committed = context.committed();
        if (committed.isEmpty()) {
            return false;
        }
        var dir = Path.of(context.input("dir"));
        for (var output : build().outputs()) {
            var recorded = committed.get().outputs().get("output:" + output);
            if (recorded == null || !recorded.isTree() || !recorded.tree().root().equals(dir.resolve(output))
                    || !files().isDirectory(dir.resolve(output))) {
                return false;
            }
            var tree = recorded.tree();
            var now = new TreeFingerprinter(FileHashCache.NONE).snapshot(tree.root(), tree.includes(), tree.excludes());
            if (!now.fingerprint().equals(recorded.fingerprint())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void undo(UndoContext context) {
        // the release folder it built in is removed by the release task's undo when this run made it
    }
}
