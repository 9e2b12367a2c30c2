package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.state.Domains;
import dev.alive.tasks.SiteSetup;
import dev.alive.tasks.system.FileOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Points {@code current} at a retained release, restarts the service, checks health, and names
 * the release current in the domain's row. Undo points back, restarts, and restores the row.
 */
public final class RollbackTask extends SiteTask {

    private final String release;
    private final TaskId port;
    private final Domains domains;

    public RollbackTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, String release, TaskId port,
                        Domains domains) {
        super(id, dependsOn, setup);
        this.release = release;
        this.port = port;
        this.domains = domains;
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.value("release", release), Input.upstream("port", port, "port"));
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var paths = setup.paths();
        if (release.isEmpty() || release.startsWith(".") || release.contains("/")
                || !Files.isDirectory(paths.release(release))) {
            throw new IllegalStateException("release " + release + " is not retained in " + paths.releasesDir());
        }
        var domain = setup.site().domain();
        var row = domains.find(domain).filter(d -> d.orgId() != null)
                .orElseThrow(() -> new IllegalStateException(domain + " is not registered: apply it first"));
        context.recordUndo("previous", currentTarget());
        context.recordUndo("previousRelease", String.valueOf(row.currentRelease()));
        FileOps.swapSymlink(paths.currentLink(), Path.of("releases", release));
        setup.services().restart(setup, currentSiteUser());
        var health = setup.site().health();
        var portNumber = Integer.parseInt(context.input("port"));
        var result = setup.system().health().check(portNumber, health.path(), health.timeout(), attempt -> { });
        if (!result.healthy()) {
            throw new IllegalStateException("release " + release + ": GET http://127.0.0.1:" + portNumber
                    + health.path() + " did not answer 2xx/3xx within " + health.timeout().toSeconds()
                    + " s (last: " + result.last().describe() + ")");
        }
        context.log("release " + release + " is current and healthy (" + result.last().describe() + ")");
        domains.activate(domain, row.orgId(), release);
        return Map.of("release", Output.value(release));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        var previous = context.notes().get("previous");
        if (previous == null) {
            return;
        }
        if (NO_CURRENT.equals(previous)) {
            setup.services().stop(setup);
            Files.deleteIfExists(setup.paths().currentLink());
        } else {
            FileOps.swapSymlink(setup.paths().currentLink(), Path.of(previous));
            setup.services().restart(setup, currentSiteUser());
        }
        var previousRelease = context.notes().get("previousRelease");
        var row = domains.find(setup.site().domain());
        if (previousRelease != null && !"null".equals(previousRelease) && row.isPresent()
                && row.get().orgId() != null) {
            domains.activate(row.get().hostname(), row.get().orgId(), previousRelease);
        }
    }
}
