package dev.alive.tasks.site;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteContext;
import dev.alive.tasks.system.LinuxUsers;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site's Linux user {@code site-<slug>} (with {@code users: create}); with {@code users: none}
 * the site runs as alive's own user and this task only names it.
 */
public final class UserTask extends SiteTask {

    public UserTask(TaskId id, Set<TaskId> dependsOn, SiteContext site) {
        super(id, dependsOn, site);
    }

    String userName() {
        return LinuxUsers.userName(site.spec().slug());
    }

    @Override
    public List<Input> inputs() {
        return List.of(
                Input.value("name", site.createsUsers() ? userName() : "(alive's own user)"),
                Input.value("home", site.paths().siteDir().toString()));
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        if (!site.createsUsers()) {
            return List.of();
        }
        var user = site.machine().users().lookup(userName());
        if (user.isEmpty()) {
            return List.of("user " + userName() + " does not exist");
        }
        return Integer.toString(user.get().uid()).equals(recordedValues.get("uid"))
                ? List.of() : List.of("user " + userName() + " has another uid");
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        if (!site.createsUsers()) {
            var own = site.machine().users().aliveUser();
            return Map.of("user", Output.value(own.name()),
                    "uid", Output.value(Integer.toString(own.uid())), "gid", Output.value(Integer.toString(own.gid())));
        }
        var users = site.machine().users();
        if (users.lookup(userName()).isEmpty()) {
            context.recordUndo("created", userName());
            users.ensure(userName(), site.paths().siteDir());
            context.log("created user " + userName());
        }
        var user = users.lookup(userName())
                .orElseThrow(() -> new AliveException(ErrorCategory.FAILED,
                        "user " + userName() + " is missing right after useradd: check "
                                + site.host().root().resolve("etc/passwd")));
        return Map.of("user", Output.value(user.name()),
                "uid", Output.value(Integer.toString(user.uid())), "gid", Output.value(Integer.toString(user.gid())));
    }

    @Override
    public void undo(UndoContext context) {
        if (context.notes().containsKey("created")) {
            site.machine().users().delete(userName());
        }
    }

    @Override
    public void destroy(TaskContext context) {
        if (site.createsUsers()) {
            site.machine().users().delete(userName());
        }
    }
}
