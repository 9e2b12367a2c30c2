package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import dev.alive.tasks.host.FileAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site's Caddy file in the proxy's sites folder. The whole configuration is validated before
 * the reload that makes it live; undo puts the previous file back and reloads.
 */
public final class ProxyTask extends SiteTask {

    private final TaskId port;

    public ProxyTask(TaskId id, Set<TaskId> dependsOn, SiteContext site, TaskId port) {
        super(id, dependsOn, site);
        this.port = port;
    }

    @Override
    public List<Input> inputs() {
        var proxy = site.host().proxy();
        return List.of(
                Input.value("file", file().toString()),
                Input.value("domain", site.spec().domain()),
                Input.upstream("port", port, "port"),
                Input.value("listen", proxy.listenAddress()),
                Input.value("main", proxy.mainCaddyfile().toString()));
    }

    private Path file() {
        return site.paths().proxyFile();
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var proxy = site.proxy();
        proxy.prepare();
        var file = file();
        FileBackup.before(context, files(), file);
        var config = proxy.siteConfig(site, Integer.parseInt(context.input("port")));
        files().write(file, config.getBytes(StandardCharsets.UTF_8), FileAccess.of("rw-r--r--"));
        proxy.validate();
        proxy.reload();
        return Map.of("file", Output.tree(file));
    }

    @Override
    public void undo(UndoContext context) throws IOException {
        if (FileBackup.restore(context, files(), file())) {
            site.proxy().reload();
        }
    }

    @Override
    public void destroy(TaskContext context) throws IOException {
        if (files().remove(file())) {
            site.proxy().reload();
        }
    }
}
