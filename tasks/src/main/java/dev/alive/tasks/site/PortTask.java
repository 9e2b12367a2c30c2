package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.Domains;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reserves the domain's row and a port in the state store, in one transaction: the one source of
 * truth for ports. A domain keeps its port across redeploys.
 */
public final class PortTask extends IdentifiedTask {

    private final String domain;
    private final String hostName;
    private final Host.PortRange range;
    private final Site.Port requested;
    private final Domains domains;

    public PortTask(TaskId id, Set<TaskId> dependsOn, String domain, String hostName, Host.PortRange range,
                    Site.Port requested, Domains domains) {
        super(id, dependsOn);
        this.domain = domain;
        this.hostName = hostName;
        this.range = range;
        this.requested = requested;
        this.domains = domains;
    }

    @Override
    public List<Input> inputs() {
        return List.of(
                Input.value("domain", domain),
                Input.value("host", hostName),
                Input.value("range", range.toString()),
                Input.value("port", requested instanceof Site.Port.Fixed f ? Integer.toString(f.port()) : "auto"));
    }

    @Override
    public boolean outputsKnownAfterRun() {
        return true;
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var row = domains.find(domain);
        if (row.isEmpty()) {
            return List.of("the domain's row is gone from the state store");
        }
        var port = Integer.toString(row.get().port());
        return port.equals(recordedValues.get("port"))
                ? List.of()
                : List.of("the domain's port is " + port + " in the state store, not " + recordedValues.get("port"));
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var fixed = requested instanceof Site.Port.Fixed f ? OptionalInt.of(f.port()) : OptionalInt.empty();
        var reservation = domains.reserve(domain, hostName, range.first(), range.last(), fixed);
        var port = reservation.domain().port();
        if (reservation.created()) {
            context.recordUndo("reserved", domain);
            context.log("reserved port " + port);
            if (!isFree(port)) {
                throw new AliveException(ErrorCategory.CONFLICT, "port " + port + " is free in the state store but"
                        + " another program listens on it on this host: stop that program, or give the host another port range");
            }
        }
        return Map.of("port", Output.value(Integer.toString(port)));
    }

    /** Whether nothing listens on the loopback port (a site's app binds 127.0.0.1:<port>). */
    private static boolean isFree(int port) {
        try (var socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Override
    public void undo(UndoContext context) {
        if (context.notes().containsKey("reserved")) {
            domains.delete(domain);
        }
    }

    @Override
    public void destroy(TaskContext context) {
        domains.delete(domain);
    }
}
