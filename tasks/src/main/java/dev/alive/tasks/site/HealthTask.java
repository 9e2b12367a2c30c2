package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteSetup;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET {@code http://127.0.0.1:<port><path>} until 2xx/3xx or the timeout. A failure carries the
 * service's last log lines, and the run rolls back. Reruns whenever the service was (re)started.
 */
public final class HealthTask extends SiteTask {

    private static final int LOG_LINES = 20;

    private final TaskId activate;
    private final TaskId port;

    public HealthTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, TaskId activate, TaskId port) {
        super(id, dependsOn, setup);
        this.activate = activate;
        this.port = port;
    }

    @Override
    public List<Input> inputs() {
        var health = setup.site().health();
        return List.of(
                Input.upstream("started", activate, "started"),
                Input.upstream("port", port, "port"),
                Input.value("path", health.path()),
                Input.value("timeout", health.timeout().toString()));
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var health = setup.site().health();
        var port = Integer.parseInt(context.input("port"));
        var result = setup.system().health().check(port, health.path(), health.timeout(), attempt -> {
            if (attempt.number() == 1 || attempt.number() % 8 == 0 || attempt.healthy()) {
                context.log("GET 127.0.0.1:" + port + health.path() + " #" + attempt.number() + ": " + attempt.describe());
            }
        });
        if (!result.healthy()) {
            var log = setup.services().lastLogLines(setup, LOG_LINES);
            throw new IllegalStateException("GET http://127.0.0.1:" + port + health.path() + " did not answer 2xx/3xx"
                    + " within " + health.timeout().toSeconds() + " s (" + result.attempts() + " attempts, last: "
                    + result.last().describe() + ")" + (log.isEmpty() ? "" : "; last lines of the service's log:\n"
                    + String.join("\n", log)));
        }
        if (!setup.services().isRunning(setup)) {
            var log = setup.services().lastLogLines(setup, LOG_LINES);
            throw new IllegalStateException("port " + port + " answered, but the site's app is not running: another"
                    + " program answers on that port" + (log.isEmpty() ? "" : "; last lines of the app's log:\n"
                    + String.join("\n", log)));
        }
        return Map.of("status", Output.value(result.last().describe()));
    }

    @Override
    public void undo(UndoContext context) {
        // a check changes nothing
    }
}
