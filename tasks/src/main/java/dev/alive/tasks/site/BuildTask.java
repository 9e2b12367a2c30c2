package dev.alive.tasks.site;

import dev.alive.engine.Input;
import dev.alive.engine.Output;
import dev.alive.engine.TaskContext;
import dev.alive.engine.TaskId;
import dev.alive.engine.UndoContext;
import dev.alive.tasks.SiteSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the build command in a new release, as the site user, with a clean environment. Its
 * outputs (e.g. dist/) are recorded by fingerprint, so a later edit of them is drift. Undo is the
 * release's: a build only ever runs in a release this run made (or one that is not live).
 */
public final class BuildTask extends SiteTask {

    private final TaskId user;
    private final TaskId release;

    public BuildTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, TaskId user, TaskId release) {
        super(id, dependsOn, setup);
        this.user = user;
        this.release = release;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.upstream("release", release, "release"));
        inputs.add(Input.upstream("dir", release, "dir"));
        inputs.add(Input.value("command", build().command()));
        inputs.addAll(setup.envInputs());
        inputs.addAll(userInputs(user));
        return inputs;
    }

    private dev.alive.specs.Site.Build build() {
        return setup.site().app().build().orElseThrow();
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var dir = Path.of(context.input("dir"));
        setup.system().commands().run(setup.specCommand(build().command(), dir, setup.appEnvironment(), runAs(context)),
                context::log);
        var outputs = new java.util.LinkedHashMap<String, Output>();
        for (var output : build().outputs()) {
            outputs.put("output:" + output, Output.tree(dir.resolve(output)));
        }
        return outputs;
    }

    @Override
    public void undo(UndoContext context) {
        // the release folder it built in is removed by the release task's undo when this run made it
    }
}
