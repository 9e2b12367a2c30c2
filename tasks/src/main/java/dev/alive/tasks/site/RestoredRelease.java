package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import java.time.Duration;
import java.util.Set;

/**
 * After an undo restarted the site's app: waits until the restored release answers the spec's
 * health check, so a rolled-back run returns only once the previous release serves again. The
 * port is the one the restored env file gives the app. When it does not answer, the undo fails
 * with the check's last answer and the service's last log lines.
 *
 * <p>Several undos of one walk may restart the app (activate, then service and env, which put
 * back files it reads); only the last of them checks, since before it the app runs with a mix of
 * old and new files.
 */
final class RestoredRelease {

    /** The site tasks whose undo may restart the app (their names in {@code SiteCompiler}). */
    private static final Set<String> RESTARTING_UNDOS = Set.of("activate", "service", "env");
    private static final Duration AT_LEAST = Duration.ofSeconds(10);
    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final int LOG_LINES = 20;

    private RestoredRelease() {
    }

    /** Whether no undo still to come in this walk restarts the site's app again. */
    static boolean lastRestart(UndoContext context) {
        var unit = context.taskId().unit();
        return context.laterUndos().stream()
                .noneMatch(id -> id.unit().equals(unit) && RESTARTING_UNDOS.contains(id.name()));
    }

    /**
     * Waits for the restored release to answer its health check: the spec's path, the spec's
     * timeout but at least 10 s (a spec's short timeout may be meant for the failing release) and
     * at most 60 s.
     */
    static void awaitHealthy(SiteContext site, UndoContext context) {
        var health = site.spec().health();
        var envFile = site.paths().envFile();
        var port = EnvTask.read(site.files(), envFile).get("PORT");
        if (port == null) {
            throw new AliveException(ErrorCategory.FAILED, "cannot check that the restored release serves: "
                    + envFile + " has no PORT");
        }
        var timeout = health.timeout().compareTo(AT_LEAST) < 0 ? AT_LEAST
                : health.timeout().compareTo(AT_MOST) > 0 ? AT_MOST : health.timeout();
        var check = site.health();
        var portNumber = Integer.parseInt(port);
        var result = check.check(portNumber, health.path(), timeout, attempt -> { });
        var url = "http://" + check.authority(portNumber) + health.path();
        if (!result.healthy()) {
            var log = site.services().lastLogLines(site, LOG_LINES);
            throw new AliveException(ErrorCategory.FAILED, "the restored release does not serve: GET " + url
                    + " did not answer 2xx/3xx within " + timeout.toSeconds() + " s (" + result.attempts()
                    + " attempts, last: " + result.last().describe() + ")"
                    + (log.isEmpty() ? "" : "; last lines of the service's log:\n" + String.join("\n", log)));
        }
        context.log("the restored release serves: GET " + url + " " + result.last().describe() + " after "
                + result.took().toMillis() + " ms");
    }
}
