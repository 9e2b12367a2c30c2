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
import java.util.Optional;
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
            var inUse = portInUse(port);
            if (inUse.isPresent()) {
                throw new AliveException(ErrorCategory.CONFLICT, "port " + port + " is free in the state store but "
                        + inUse.get());
            }
        }
        return Map.of("port", Output.value(Integer.toString(port)));
    }

    /**
     * Why a site's app could not listen on the loopback port (it binds 127.0.0.1:<port>), if it
     * could not. A failed bind with nothing accepting connections there is an outgoing connection
     * whose local (ephemeral) port happens to be this one: it holds the port until it closes.
     */
    private static Optional<String> portInUse(int port) {
        var address = new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port);
        try (var socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return Optional.empty();
        } catch (java.io.IOException bindFailed) {
            try (var probe = new java.net.Socket()) {
                probe.connect(address, 500);
                return Optional.of("another program listens on it on this host: stop that program, or give the host"
                        + " another port range");
            } catch (java.io.IOException nothingAccepts) {
                return Optional.of("a connection on this host uses it as its local port (the range overlaps the"
                        + " kernel's ephemeral ports, net.ipv4.ip_local_port_range): give the host a port range"
                        + " outside them");
            }
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
