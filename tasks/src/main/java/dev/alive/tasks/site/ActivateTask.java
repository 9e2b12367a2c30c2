package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Points {@code current} at the release (an atomic symlink swap by rename), then restarts the
 * service. Undo points it back at the previous release, restarts and waits until it answers its
 * health check, or stops the service when there was none (and removes what running it left: pid
 * and log files). The env and service tasks restart it once more when their undo puts back a file
 * it read; then the last of them waits for the health check instead.
 */
public final class ActivateTask extends SiteTask {

    private final TaskId user;
    private final TaskId release;
    private final TaskId env;
    private final TaskId service;
    private final TaskId port;

    public ActivateTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId user, TaskId release, TaskId env,
                        TaskId service, TaskId port) {
        super(id, dependsOn, site);
        this.user = user;
        this.release = release;
        this.env = env;
        this.service = service;
        this.port = port;
    }

    @Override
    public List<Input> inputs() {
        var inputs = new ArrayList<Input>();
        inputs.add(Input.upstream("release", release, "release"));
        inputs.add(Input.upstream("env", env, "file"));
        inputs.add(Input.upstream("service", service, "definition"));
        inputs.add(Input.upstream("port", port, "port"));
        inputs.addAll(userInputs(user));
        return inputs;
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var problems = new ArrayList<String>();
        var target = currentTarget();
        var expected = "releases/" + recordedValues.get("release");
        if (!expected.equals(target)) {
            problems.add("current points at " + target + ", not " + expected);
        }
        if (!site.services().isRunning(site)) {
            problems.add("the service is not running");
        }
        return problems;
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var id = context.input("release");
        context.recordUndo("previous", currentTarget());
        files().symlink(site.paths().currentLink(), Path.of("releases", id));
        site.services().restart(site, runAs(context));
        var instance = site.services().instance(site).orElse(context.runId());
        context.log("started release " + id + " (" + instance + ")");
        return Map.of("release", Output.value(id), "started", Output.value(context.runId()));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        var previous = context.notes().get("previous");
        if (previous == null) {
            return;
        }
        if (NO_CURRENT.equals(previous)) {
            site.services().stop(site);
            site.services().purge(site);
            files().remove(site.paths().currentLink());
            return;
        }
        files().symlink(site.paths().currentLink(), Path.of(previous));
        site.services().restart(site, currentSiteUser());
        awaitIfLastRestart(context);
    }

    @Override
    public void destroy(TaskContext context) throws IOException {
        site.services().stop(site);
        files().remove(site.paths().currentLink());
    }

}
