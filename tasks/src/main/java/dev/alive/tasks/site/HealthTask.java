package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET {@code http://<the machine's address for port><path>} ({@code 127.0.0.1} locally) until 2xx/3xx or the timeout. A failure carries the
 * service's last log lines, and the run rolls back. Reruns whenever the service was (re)started.
 */
public final class HealthTask extends SiteTask {

    private static final int LOG_LINES = 20;

    private final TaskId activate;
    private final TaskId port;

    public HealthTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId activate, TaskId port) {
        super(id, dependsOn, site);
        this.activate = activate;
        this.port = port;
    }

    @Override
    public List<Input> inputs() {
        var health = site.spec().health();
        return List.of(
                Input.upstream("started", activate, "started"),
                Input.upstream("port", port, "port"),
                Input.value("path", health.path()),
                Input.value("timeout", health.timeout().toString()));
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var health = site.spec().health();
        var port = Integer.parseInt(context.input("port"));
        var healthCheck = site.health();
        var result = healthCheck.check(port, health.path(), health.timeout(), attempt -> {
            if (attempt.number() == 1 || attempt.number() % 8 == 0 || attempt.healthy()) {
                context.log("GET " + healthCheck.authority(port) + health.path() + " #" + attempt.number() + ": "
                        + attempt.describe());
            }
        });
        if (!result.healthy()) {
            var log = site.services().lastLogLines(site, LOG_LINES);
            throw new AliveException(ErrorCategory.FAILED, "GET http://" + healthCheck.authority(port) + health.path()
                    + " did not answer 2xx/3xx"
                    + " within " + health.timeout().toSeconds() + " s (" + result.attempts() + " attempts, last: "
                    + result.last().describe() + ")" + (log.isEmpty() ? "" : "; last lines of the service's log:\n"
                    + String.join("\n", log)));
        }
        if (!site.services().isRunning(site)) {
            var log = site.services().lastLogLines(site, LOG_LINES);
            throw new AliveException(ErrorCategory.CONFLICT, "port " + port + " answered, but the site's app is not"
                    + " running: another program answers on that port" + (log.isEmpty() ? "" : "; last lines of the app's log:\n"
                    + String.join("\n", log)));
        }
        return Map.of("status", Output.value(result.last().describe()));
    }

    @Override
    public void undo(UndoContext context) {
        // a check changes nothing
    }
}
