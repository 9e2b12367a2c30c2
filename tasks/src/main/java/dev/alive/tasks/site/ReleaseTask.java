package dev.alive.tasks.site;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.SiteSetup;
import dev.alive.tasks.system.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copies the template's app into {@code releases/<id>/}: an immutable release whose id is the
 * fingerprint of everything it is built from (template files, build and start commands, app env,
 * installed dependencies), so a build never runs in the live release. node_modules, .git and the
 * build outputs are left out; node_modules links to the installed dependencies. The host's
 * {@code keepReleases} newest releases are kept (see {@link ReleasePruning}).
 */
public final class ReleaseTask extends SiteTask {

    static final List<String> ALWAYS_EXCLUDED = List.of("node_modules", ".git");

    private final TaskId user;
    private final Optional<TaskId> install;

    public ReleaseTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, TaskId user, Optional<TaskId> install) {
        super(id, dependsOn, setup);
        this.user = user;
        this.install = install;
    }

    @Override
    public List<Input> inputs() {
        var app = setup.site().app();
        var inputs = new ArrayList<Input>();
        inputs.add(Input.tree("template", setup.appDir(), List.of(), excludes()));
        inputs.add(Input.value("build", app.build().map(b -> b.command() + " -> " + b.outputs()).orElse("")));
        inputs.add(Input.value("start", app.start()));
        inputs.addAll(setup.envInputs());
        install.ifPresent(task -> inputs.add(Input.upstream("deps", task, "deps")));
        inputs.addAll(userInputs(user));
        return inputs;
    }

    /** Tree patterns: node_modules and .git at any depth, the build outputs at the top. */
    private List<String> excludes() {
        var excludes = new ArrayList<String>();
        ALWAYS_EXCLUDED.forEach(name -> excludes.add("**/" + name));
        setup.site().app().build().ifPresent(build -> excludes.addAll(build.outputs()));
        return excludes;
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        var dir = recordedValues.get("dir");
        return dir != null && Files.isDirectory(Path.of(dir)) ? List.of() : List.of("release folder " + dir + " is gone");
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws IOException {
        var id = context.inputsFingerprint().substring(0, 12);
        var dir = setup.paths().release(id);
        var outputs = Map.<String, Output>of("release", Output.value(id), "dir", Output.value(dir.toString()));
        if (Files.isDirectory(dir)) {
            context.log("release " + id + " is already there: reused");
            prune(id, context);
            return outputs;
        }
        ensureSiteDirs(context);
        context.recordUndo("created", dir.toString());
        var staging = dir.resolveSibling("." + id + ".tmp");
        if (Files.exists(staging)) {
            FileTrees.delete(staging);
        }
        var buildOutputs = setup.site().app().build().map(build -> Set.copyOf(build.outputs())).orElse(Set.of());
        FileTrees.copy(setup.appDir(), staging, FileTrees.excluding(Set.copyOf(ALWAYS_EXCLUDED), buildOutputs));
        if (install.isPresent()) {
            var modules = Path.of(context.input("deps")).resolve("node_modules");
            Files.createSymbolicLink(staging.resolve("node_modules"), staging.relativize(modules));
        }
        narrowModes(staging);
        FileTrees.chown(staging, uid(context), gid(context));
        Files.move(staging, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        context.log("release " + id + " copied from " + setup.appDir());
        prune(id, context);
        return outputs;
    }

    /** Old releases beyond the host's keepReleases go, never the new or the live one. */
    private void prune(String id, TaskContext context) {
        new ReleasePruning(setup.paths(), setup.host().keepReleases()).prune(id, context::log);
    }

    @Override
    public void undo(UndoContext context) {
        var created = context.notes().get("created");
        if (created != null) {
            var dir = Path.of(created);
            deleteIfPresent(dir);
            deleteIfPresent(dir.resolveSibling("." + dir.getFileName() + ".tmp"));
        }
        removeSiteDirIfCreated(context);
    }

    @Override
    public void destroy(TaskContext context) {
        deleteIfPresent(setup.paths().siteDir());
    }

    static void deleteIfPresent(Path path) {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            FileTrees.delete(path);
        }
    }

    /** Folders 0750; files lose every permission for others. */
    private static void narrowModes(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                var modes = Files.getPosixFilePermissions(path);
                if (Files.isDirectory(path)) {
                    modes = java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---");
                } else {
                    modes.remove(PosixFilePermission.OTHERS_READ);
                    modes.remove(PosixFilePermission.OTHERS_WRITE);
                    modes.remove(PosixFilePermission.OTHERS_EXECUTE);
                    modes.remove(PosixFilePermission.GROUP_WRITE);
                }
                Files.setPosixFilePermissions(path, modes);
            }
        }
    }
}
