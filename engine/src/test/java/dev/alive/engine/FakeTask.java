package dev.alive.engine;

import dev.alive.engine.task.Input;
import dev.alive.engine.task.Output;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.UndoContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written fake task: records runs, undos and destroys into its graph's shared log, and can
 * be told to fail, fail its undo, produce given outputs, report drift or run a hook.
 *
 * <p>Unless told otherwise ({@link #output}), it produces one output {@code out} derived from all
 * its input values, so a change flows downstream; such a task declares its outputs known only
 * after it ran.
 */
final class FakeTask implements Task {

    /** Runs inside {@link #run}, before the outputs are returned. */
    interface Hook {
        void accept(TaskContext context) throws Exception;
    }

    /** Runs inside {@link #undo}, before it fails (if told to). */
    interface UndoHook {
        void accept(UndoContext context) throws Exception;
    }

    private final TaskId id;
    private final FakeGraph graph;
    private final Set<TaskId> dependsOn = new TreeSet<>();
    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private volatile Map<String, Output> outputs;
    private volatile boolean failRun;
    private volatile boolean failUndo;
    private volatile boolean failDestroy;
    private volatile List<String> drift = List.of();
    private volatile Map<String, String> undoNotes = Map.of();
    private volatile Hook hook = context -> { };
    private volatile UndoHook undoHook = context -> { };
    private volatile Boolean knownAfterRun;
    private volatile Set<String> secretOutputs = Set.of();
    final List<Map<String, String>> undoNotesSeen = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> inputsSeen = new CopyOnWriteArrayList<>();

    FakeTask(TaskId id, FakeGraph graph) {
        this.id = id;
        this.graph = graph;
    }

    FakeTask dependsOn(String name) {
        dependsOn.add(TaskId.of(id.unit(), name));
        return this;
    }

    FakeTask input(String name, String value) {
        synchronized (inputs) {
            inputs.put(name, Input.value(name, value));
        }
        return this;
    }

    FakeTask secret(String name, String value) {
        synchronized (inputs) {
            inputs.put(name, Input.secret(name, value));
        }
        return this;
    }

    FakeTask tree(String name, java.nio.file.Path root) {
        synchronized (inputs) {
            inputs.put(name, Input.tree(name, root));
        }
        return this;
    }

    FakeTask removeInput(String name) {
        synchronized (inputs) {
            inputs.remove(name);
        }
        return this;
    }

    /** Reads output {@code output} of the task {@code task} of the same unit (and depends on it). */
    FakeTask reads(String name, String task, String output) {
        dependsOn(task);
        synchronized (inputs) {
            inputs.put(name, Input.upstream(name, TaskId.of(id.unit(), task), output));
        }
        return this;
    }

    /** Produces exactly these value outputs (and declares them known before the run). */
    FakeTask output(String name, String value) {
        var next = new LinkedHashMap<String, Output>(outputs == null ? Map.of() : outputs);
        next.put(name, Output.value(value));
        outputs = next;
        return this;
    }

    FakeTask treeOutput(String name, java.nio.file.Path root) {
        var next = new LinkedHashMap<String, Output>(outputs == null ? Map.of() : outputs);
        next.put(name, Output.tree(root));
        outputs = next;
        return this;
    }

    /** Declares these outputs secret ({@link Task#secretOutputs()}); none to declare none. */
    FakeTask declaringSecret(String... names) {
        secretOutputs = Set.of(names);
        return this;
    }

    FakeTask failing(boolean fail) {
        failRun = fail;
        return this;
    }

    FakeTask failingUndo(boolean fail) {
        failUndo = fail;
        return this;
    }

    FakeTask failingDestroy(boolean fail) {
        failDestroy = fail;
        return this;
    }

    FakeTask drifting(String... reasons) {
        drift = List.of(reasons);
        return this;
    }

    FakeTask notes(Map<String, String> notes) {
        undoNotes = new LinkedHashMap<>(notes);
        return this;
    }

    FakeTask onRun(Hook runHook) {
        hook = runHook;
        return this;
    }

    FakeTask onUndo(UndoHook hook) {
        undoHook = hook;
        return this;
    }

    FakeTask knownAfterRun(boolean known) {
        knownAfterRun = known;
        return this;
    }

    @Override
    public TaskId id() {
        return id;
    }

    @Override
    public Set<TaskId> dependsOn() {
        return Set.copyOf(dependsOn);
    }

    @Override
    public Set<String> secretOutputs() {
        return secretOutputs;
    }

    @Override
    public List<Input> inputs() {
        synchronized (inputs) {
            return List.copyOf(inputs.values());
        }
    }

    @Override
    public Map<String, Output> run(TaskContext context) throws Exception {
        graph.record("run " + id);
        var seen = new LinkedHashMap<String, String>();
        var derived = new ArrayList<String>();
        for (var input : inputs()) {
            seen.put(input.name(), context.input(input.name()));
            boolean secret = input instanceof Input.Value value && value.secret();
            derived.add(secret ? "(secret)" : context.input(input.name()));
        }
        inputsSeen.add(seen);
        undoNotes.forEach(context::recordUndo);
        hook.accept(context);
        if (failRun) {
            throw new IllegalStateException(id + " broke");
        }
        return outputs != null ? outputs : Map.of("out", Output.value(id + "" + derived));
    }

    @Override
    public void undo(UndoContext context) throws Exception {
        graph.record("undo " + id);
        undoNotesSeen.add(Map.copyOf(context.notes()));
        undoHook.accept(context);
        if (failUndo) {
            throw new IllegalStateException("undo of " + id + " broke");
        }
    }

    @Override
    public boolean outputsKnownAfterRun() {
        return knownAfterRun != null ? knownAfterRun : outputs == null;
    }

    @Override
    public List<String> drift(Map<String, String> recordedValues) {
        return drift;
    }

    @Override
    public void destroy(TaskContext context) {
        graph.record("destroy " + id);
        if (failDestroy) {
            throw new IllegalStateException("destroy of " + id + " broke");
        }
    }
}
