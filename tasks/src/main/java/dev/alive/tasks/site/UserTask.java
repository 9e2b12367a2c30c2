package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteSetup;
import dev.alive.tasks.system.LinuxUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site's Linux user {@code site-<slug>} (with {@code users: create}); with {@code users: none}
 * the site runs as alive's own user and this task only names it.
 */
public final class UserTask extends SiteTask {

    public UserTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup) {
        super(id, dependsOn, setup);
    }

    String userName() {
        return LinuxUsers.userName(setup.site().slug());
    }

    @Override
    public List<Input> inputs() {
        return List.of(
                Input.value("name", setup.createsUsers() ? userName() : "(alive's own user)"),
                Input.value("home", setup.paths().siteDir().toString()));
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        if (!setup.createsUsers()) {
            return List.of();
        }
        var user = setup.system().users().lookup(userName());
        if (user.isEmpty()) {
            return List.of("user " + userName() + " does not exist");
        }
        return Integer.toString(user.get().uid()).equals(recordedValues.get("uid"))
                ? List.of() : List.of("user " + userName() + " has another uid");
    }

    @Override
    public Map<String, Output> run(TaskContext context) {
        if (!setup.createsUsers()) {
            var uid = ownId("uid");
            var gid = ownId("gid");
            return Map.of("user", Output.value(System.getProperty("user.name")),
                    "uid", Output.value(uid), "gid", Output.value(gid));
        }
        var users = setup.system().users();
        if (users.lookup(userName()).isEmpty()) {
            context.recordUndo("created", userName());
            users.ensure(userName(), setup.paths().siteDir());
            context.log("created user " + userName());
        }
        var user = users.lookup(userName())
                .orElseThrow(() -> new IllegalStateException("user " + userName() + " is missing right after useradd"));
        return Map.of("user", Output.value(user.name()),
                "uid", Output.value(Integer.toString(user.uid())), "gid", Output.value(Integer.toString(user.gid())));
    }

    @Override
    public void undo(UndoContext context) {
        if (context.notes().containsKey("created")) {
            setup.system().users().delete(userName());
        }
    }

    @Override
    public void destroy(TaskContext context) {
        if (setup.createsUsers()) {
            setup.system().users().delete(userName());
        }
    }

    private static String ownId(String attribute) {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:" + attribute).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
