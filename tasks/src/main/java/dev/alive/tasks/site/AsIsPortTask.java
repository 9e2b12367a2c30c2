package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.state.Domains;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reserves the port an adopted site runs on in the state store ({@code app.domains}), so that no
 * new site gets it; unlike {@link PortTask} it expects the port in use (the live app holds it).
 * Writes nothing on the host.
 */
public final class AsIsPortTask extends IdentifiedTask {

    private final String domain;
    private final String hostName;
    private final int port;
    private final Domains domains;

    public AsIsPortTask(TaskId id, Set<TaskId> dependsOn, String domain, String hostName, int port, Domains domains) {
        super(id, dependsOn);
        this.domain = domain;
        this.hostName = hostName;
        this.port = port;
        this.domains = domains;
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.value("domain", domain), Input.value("host", hostName),
                Input.value("port", Integer.toString(port)));
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var row = domains.find(domain);
        if (row.isEmpty()) {
            return List.of("the domain's row is gone from the state store");
        }
        return row.get().port() == port ? List.of()
                : List.of("the domain's port is " + row.get().port() + " in the state store, not " + port);
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        var reservation = domains.reserve(domain, hostName, port, port, OptionalInt.of(port));
        if (reservation.created()) {
            context.recordUndo("reserved", domain);
            context.log("reserved port " + port + " for the adopted site");
        }
        if (reservation.domain().port() != port) {
            throw new AliveException(ErrorCategory.CONFLICT, "the state store gives " + domain + " port "
                    + reservation.domain().port() + ", but the site runs on " + port
                    + ": correct app.domains or the spec");
        }
        return Map.of("port", Output.value(Integer.toString(port)));
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
