package dev.alive.tasks.site;

import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import dev.alive.engine.task.UndoContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One run of one task: what it noted for undo and logged; serves as its undo context too. */
final class FakeContext implements TaskContext, UndoContext {

    private final TaskId task;
    private final Map<String, String> inputs;
    private final Map<String, String> notes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private List<String> reasons = List.of("no committed state");
    private Set<TaskId> laterUndos = Set.of();

    FakeContext(TaskId task, Map<String, String> inputs) {
        this.task = task;
        this.inputs = inputs;
    }

    @Override
    public TaskId taskId() {
        return task;
    }

    @Override
    public String runId() {
        return "20250101T000000Z-00000000";
    }

    @Override
    public String input(String name) {
        return inputs.get(name);
    }

    @Override
    public String inputsFingerprint() {
        return "0123456789abcdef0123456789abcdef";
    }

    /** Why the task runs, as the engine would say. */
    FakeContext because(String... why) {
        reasons = List.of(why);
        return this;
    }

    /** The tasks whose undo comes after this one's in the walk. */
    FakeContext undoingLater(TaskId... tasks) {
        laterUndos = Set.of(tasks);
        return this;
    }

    @Override
    public List<String> reasons() {
        return reasons;
    }

    @Override
    public Set<TaskId> laterUndos() {
        return laterUndos;
    }

    @Override
    public Optional<TaskState> committed() {
        return Optional.empty();
    }

    @Override
    public void recordUndo(String key, String value) {
        notes.putIfAbsent(key, value);
    }

    @Override
    public Map<String, String> notes() {
        return Map.copyOf(notes);
    }

    @Override
    public Path backupDir() {
        throw new UnsupportedOperationException("no backups in this fake");
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    List<String> logged() {
        return List.copyOf(log);
    }
}
