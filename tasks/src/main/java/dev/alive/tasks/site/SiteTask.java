package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import dev.alive.tasks.host.MachineFiles;
import dev.alive.tasks.system.LinuxUser;
import dev.alive.tasks.system.LinuxUsers;
import dev.alive.tasks.system.RunAs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What every site task shares: its id, its dependencies, the site it belongs to. */
abstract class SiteTask extends IdentifiedTask {

    static final String NO_CURRENT = "(none)";
    private static final String INSTANCE = "instance";
    private static final String NOT_RUNNING = "(not running)";
    private static final String CREATED_SITE_DIR = "created-site-dir";

    protected final SiteContext site;

    SiteTask(TaskId id, Set<TaskId> dependsOn, SiteContext site) {
        super(id, dependsOn);
        this.site = site;
    }

    /**
     * What a site task makes depends on its inputs (a release id, a port, a file's content), so a
     * rerun's outputs are only known after it ran: plan marks what reads them "known after apply".
     */
    @Override
    public boolean outputsKnownAfterRun() {
        return true;
    }

    MachineFiles files() {
        return site.files();
    }

    /** The inputs naming the site user, read back by {@link #runAs(TaskContext)}. */
    static List<Input> userInputs(TaskId userTask) {
        return List.of(Input.upstream("uid", userTask, "uid"), Input.upstream("gid", userTask, "gid"));
    }

    /** The site user to run commands as, or empty when they run as alive's own user. */
    Optional<RunAs> runAs(TaskContext context) {
        return site.createsUsers()
                ? Optional.of(new RunAs(Integer.parseInt(context.input("uid")), Integer.parseInt(context.input("gid"))))
                : Optional.empty();
    }

    /** What {@code current} points at ("releases/<id>"), or {@link #NO_CURRENT}. */
    String currentTarget() {
        return files().readLink(site.paths().currentLink()).map(Path::toString).orElse(NO_CURRENT);
    }

    /** The site user as it exists now (undo may run in a later process, without this run's inputs). */
    Optional<RunAs> currentSiteUser() {
        return site.createsUsers()
                ? site.machine().users().lookup(LinuxUsers.userName(site.spec().slug())).map(LinuxUser::runAs)
                : Optional.empty();
    }

    /**
     * Call before changing a file the running app reads (env file, service definition): notes which
     * instance of the app runs now, for {@link #restartIfRestartedSince}.
     */
    void noteRunningInstance(TaskContext context) {
        context.recordUndo(INSTANCE, site.services().instance(site).orElse(NOT_RUNNING));
    }

    /**
     * Call after undo put such a file back. When the app was (re)started during the run (activate,
     * or activate's own undo, which runs before this one) it read the file this run wrote: restart
     * it so it reads the restored one, and wait until it serves. An app nobody restarted still runs
     * with the old file, and a site without {@code current} (a first deploy being undone) is not
     * started.
     */
    void restartIfRestartedSince(UndoContext context) {
        var noted = context.notes().get(INSTANCE);
        if (noted == null || files().readLink(site.paths().currentLink()).isEmpty()) {
            return;
        }
        var now = site.services().instance(site).orElse(NOT_RUNNING);
        if (!noted.equals(now)) {
            site.services().restart(site, currentSiteUser());
            context.log("restarted the app so that it reads the restored file");
            awaitIfLastRestart(context);
        }
    }

    /**
     * Call after an undo restarted the app: unless a later undo of the walk restarts it again,
     * waits until the restored release answers its health check (see {@link RestoredRelease}).
     */
    void awaitIfLastRestart(UndoContext context) {
        if (RestoredRelease.lastRestart(context)) {
            RestoredRelease.awaitHealthy(site, context);
        }
    }

    /**
     * Creates the site's folders when missing. When this makes the site folder itself, the note
     * lets {@link #removeSiteDirIfCreated} take it away again with all that landed in it (an npm
     * cache under HOME, say), so an undone first deploy leaves nothing.
     */
    void ensureSiteDirs(TaskContext context) {
        var siteDir = site.paths().siteDir();
        if (!files().isDirectory(siteDir)) {
            context.recordUndo(CREATED_SITE_DIR, siteDir.toString());
        }
        site.ensureSiteDirs(uid(context), gid(context));
    }

    void removeSiteDirIfCreated(UndoContext context) {
        var created = context.notes().get(CREATED_SITE_DIR);
        if (created != null) {
            files().removeTree(Path.of(created));
        }
    }

    int uid(TaskContext context) {
        return site.createsUsers() ? Integer.parseInt(context.input("uid")) : -1;
    }

    int gid(TaskContext context) {
        return site.createsUsers() ? Integer.parseInt(context.input("gid")) : -1;
    }
}
