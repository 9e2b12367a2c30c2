package dev.alive.tasks;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.specs.SiteLayout;
import dev.alive.state.Domains;
import dev.alive.tasks.host.MachineFiles;
import dev.alive.tasks.site.AsIsFileTask;
import dev.alive.tasks.site.AsIsPortTask;
import dev.alive.tasks.site.AsIsWorkspaceTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tasks of an adopted site ({@link SiteLayout.AsIs}): each records one live artifact as its
 * output and changes nothing on the host.
 * <pre>
 *   port (app.domains), workspace (in place), env (the env file), unit (site@.service and the
 *   instance's drop-ins), proxy (the shared Caddyfile)
 * </pre>
 * None depends on another: a plan right after the adoption is "No changes", and drift reruns only
 * the artifact that changed.
 */
final class AsIsTasks {

    private AsIsTasks() {
    }

    static List<Task> of(Site site, SiteLayout.AsIs layout, Host host, MachineFiles files, Domains domains) {
        int port = ((Site.Port.Fixed) site.port()).port();
        var tasks = new ArrayList<Task>();
        tasks.add(new AsIsPortTask(id(site, "port"), Set.of(), site.domain(), host.name(), port, domains));
        tasks.add(new AsIsWorkspaceTask(id(site, "workspace"), Set.of(), layout, files));
        tasks.add(new AsIsFileTask(id(site, "env"), Set.of(), layout.envFile(), List.of(), true,
                List.of(Input.value("file", layout.envFile().toString()), Input.value("domain", site.domain()),
                        Input.value("port", Integer.toString(port))),
                text -> envProblems(text, site.domain(), port), files));
        tasks.add(new AsIsFileTask(id(site, "unit"), Set.of(), layout.unitsDir(),
                List.of("site@.service", layout.unit() + ".d/**"), false,
                List.of(Input.value("unit", layout.unit()), Input.value("unitsDir", layout.unitsDir().toString())),
                text -> List.of(), files));
        tasks.add(new AsIsFileTask(id(site, "proxy"), Set.of(), layout.caddyfile(), List.of(), false,
                List.of(Input.value("caddyfile", layout.caddyfile().toString()), Input.value("domain", site.domain()),
                        Input.value("port", Integer.toString(port))),
                text -> caddyProblems(text, site.domain(), port), files));
        return tasks;
    }

    /** The env file must say the spec's DOMAIN and PORT (its other lines are the app's). */
    static List<String> envProblems(String text, String domain, int port) {
        var lines = text.lines().map(String::strip).toList();
        var problems = new ArrayList<String>();
        if (!lines.contains("DOMAIN=" + domain)) {
            problems.add("it has no line DOMAIN=" + domain);
        }
        if (!lines.contains("PORT=" + port)) {
            problems.add("it has no line PORT=" + port);
        }
        return problems;
    }

    /**
     * The Caddyfile must name the domain and proxy to its port. A coarse check on the text: the
     * import read the block through {@code caddy adapt}, and a change to the file is drift anyway.
     */
    static List<String> caddyProblems(String text, String domain, int port) {
        var problems = new ArrayList<String>();
        if (!text.contains(domain)) {
            problems.add("it has no block for " + domain);
        }
        if (!text.contains("localhost:" + port) && !text.contains("127.0.0.1:" + port)) {
            problems.add("nothing in it proxies to localhost:" + port);
        }
        return problems;
    }

    private static TaskId id(Site site, String name) {
        return SiteCompiler.taskId(site, name);
    }
}
