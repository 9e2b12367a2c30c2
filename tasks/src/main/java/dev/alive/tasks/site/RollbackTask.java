package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.state.Domains;
import dev.alive.tasks.SiteContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Points {@code current} at a retained release, restarts the service, checks health, and names
 * the release current in the domain's row. Undo points back, restarts, waits until the release
 * it restored answers its health check, and restores the row.
 */
public final class RollbackTask extends SiteTask {

    private final String release;
    private final TaskId port;
    private final Domains domains;

    public RollbackTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, String release, TaskId port,
                        Domains domains) {
        super(id, dependsOn, site);
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
        var paths = site.paths();
        if (release.isEmpty() || release.startsWith(".") || release.contains("/")
                || !files().isDirectory(paths.release(release))) {
            throw new AliveException(ErrorCategory.INVALID_INPUT, "release " + release + " is not retained in "
                    + paths.releasesDir() + ": roll back to one that is");
        }
        var domain = site.spec().domain();
        var row = domains.find(domain).filter(d -> d.orgId() != null)
                .orElseThrow(() -> new AliveException(ErrorCategory.INVALID_INPUT, domain
                        + " is not registered: apply it first"));
        context.recordUndo("previous", currentTarget());
        context.recordUndo("previousRelease", String.valueOf(row.currentRelease()));
        files().symlink(paths.currentLink(), Path.of("releases", release));
        site.services().restart(site, currentSiteUser());
        var health = site.spec().health();
        var portNumber = Integer.parseInt(context.input("port"));
        var healthCheck = site.health();
        var result = healthCheck.check(portNumber, health.path(), health.timeout(), attempt -> { });
        if (!result.healthy()) {
            throw new AliveException(ErrorCategory.FAILED, "release " + release + ": GET http://"
                    + healthCheck.authority(portNumber) + health.path() + " did not answer 2xx/3xx within " + health.timeout().toSeconds()
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
        var restarted = false;
        if (NO_CURRENT.equals(previous)) {
            site.services().stop(site);
            files().remove(site.paths().currentLink());
        } else {
            files().symlink(site.paths().currentLink(), Path.of(previous));
            site.services().restart(site, currentSiteUser());
            restarted = true;
        }
        var previousRelease = context.notes().get("previousRelease");
        var row = domains.find(site.spec().domain());
        if (previousRelease != null && !"null".equals(previousRelease) && row.isPresent()
                && row.get().orgId() != null) {
            domains.activate(row.get().hostname(), row.get().orgId(), previousRelease);
        }
        if (restarted) {
            RestoredRelease.awaitHealthy(site, context);
        }
    }
}
