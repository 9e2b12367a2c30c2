package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import dev.alive.tasks.system.DnsCheck;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A custom domain must resolve to the host's server IP; domains under the wildcard domain are
 * skipped, and so is a host that serves only on loopback (nothing outside can reach it anyway).
 */
public final class DnsTask extends SiteTask {

    public DnsTask(TaskId id, Set<TaskId> dependsOn, SiteContext site) {
        super(id, dependsOn, site);
    }

    @Override
    public List<Input> inputs() {
        return List.of(
                Input.value("domain", site.spec().domain()),
                Input.value("serverIp", site.host().serverIp()),
                Input.value("wildcardDomain", site.host().wildcardDomain().orElse("")));
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        if (isLoopback(site.host().serverIp())) {
            context.log("host serves on loopback " + site.host().serverIp() + ": DNS check skipped");
            return Map.of();
        }
        var result = site.machine().dns().check(site.spec().domain(), site.host().serverIp(),
                site.host().wildcardDomain());
        if (result instanceof DnsCheck.Result.Failed failed) {
            throw new AliveException(ErrorCategory.FAILED, failed.message());
        }
        if (result instanceof DnsCheck.Result.Skipped skipped) {
            context.log(skipped.reason());
        }
        return Map.of();
    }

    @Override
    public void undo(UndoContext context) {
        // checks only: nothing to undo
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
