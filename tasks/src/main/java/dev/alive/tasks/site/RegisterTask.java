package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.state.Domains;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Makes the domain's row active with its port, org and current release. */
public final class RegisterTask extends IdentifiedTask {

    private final String domain;
    private final TaskId account;
    private final TaskId port;
    private final TaskId activate;
    private final Domains domains;

    public RegisterTask(TaskId id, Set<TaskId> dependsOn, String domain, TaskId account, TaskId port,
                        TaskId activate, Domains domains) {
        super(id, dependsOn);
        this.domain = domain;
        this.account = account;
        this.port = port;
        this.activate = activate;
        this.domains = domains;
    }

    @Override
    public List<Input> inputs() {
        return List.of(
                Input.value("domain", domain),
                Input.upstream("org", account, "orgId"),
                Input.upstream("port", port, "port"),
                Input.upstream("release", activate, "release"));
    }

    @Override
    public boolean outputsKnownAfterRun() {
        return true;
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var row = domains.find(domain);
        if (row.isEmpty() || !"active".equals(row.get().status())) {
            return List.of("the domain is not active in the state store");
        }
        return row.get().currentRelease() != null && row.get().currentRelease().equals(recordedValues.get("release"))
                ? List.of()
                : List.of("the state store names release " + row.get().currentRelease() + " as current");
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        domains.find(domain).ifPresent(previous -> context.recordUndo("previous", encode(previous)));
        var release = context.input("release");
        domains.activate(domain, UUID.fromString(context.input("org")), release);
        return Map.of("release", Output.value(release));
    }

    @Override
    public void undo(UndoContext context) {
        var previous = context.notes().get("previous");
        if (previous != null) {
            domains.restore(decode(previous));
        }
    }

    static String encode(Domains.Domain d) {
        return String.join("|", d.hostname(), d.host(), Integer.toString(d.port()),
                d.orgId() == null ? "" : d.orgId().toString(), d.status(),
                d.currentRelease() == null ? "" : d.currentRelease(),
                d.updatedAt() == null ? "" : d.updatedAt().toString());
    }

    static Domains.Domain decode(String text) {
        var f = text.split("\\|", -1);
        return new Domains.Domain(f[0], f[1], Integer.parseInt(f[2]),
                f[3].isEmpty() ? null : UUID.fromString(f[3]), f[4], f[5].isEmpty() ? null : f[5],
                f[6].isEmpty() ? null : Instant.parse(f[6]));
    }
}
