package dev.alive.tasks.site;

import dev.alive.engine.Input;
import dev.alive.engine.Task;
import dev.alive.engine.TaskContext;
import dev.alive.engine.TaskId;
import dev.alive.tasks.SiteSetup;
import dev.alive.tasks.system.RunAs;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What every site task shares: its id, its dependencies, the site it belongs to. */
abstract class SiteTask implements Task {

    private final TaskId id;
    private final Set<TaskId> dependsOn;
    protected final SiteSetup setup;

    SiteTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup) {
        this.id = id;
        this.dependsOn = Set.copyOf(dependsOn);
        this.setup = setup;
    }

    @Override
    public final TaskId id() {
        return id;
    }

    @Override
    public final Set<TaskId> dependsOn() {
        return dependsOn;
    }

    /**
     * What a site task makes depends on its inputs (a release id, a port, a file's content), so a
     * rerun's outputs are only known after it ran: plan marks what reads them "known after apply".
     */
    @Override
    public boolean outputsKnownAfterRun() {
        return true;
    }

    /** The inputs naming the site user, read back by {@link #runAs(TaskContext)}. */
    static List<Input> userInputs(TaskId userTask) {
        return List.of(Input.upstream("uid", userTask, "uid"), Input.upstream("gid", userTask, "gid"));
    }

    /** The site user to run commands as, or empty when they run as alive's own user. */
    Optional<RunAs> runAs(TaskContext context) {
        return setup.createsUsers()
                ? Optional.of(new RunAs(Integer.parseInt(context.input("uid")), Integer.parseInt(context.input("gid"))))
                : Optional.empty();
    }

    int uid(TaskContext context) {
        return setup.createsUsers() ? Integer.parseInt(context.input("uid")) : -1;
    }

    int gid(TaskContext context) {
        return setup.createsUsers() ? Integer.parseInt(context.input("gid")) : -1;
    }
}
