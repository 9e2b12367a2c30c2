package dev.alive.engine;

import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The immutable context of one task run; undo notes go straight to the journal. */
final class RunTaskContext implements TaskContext {

    private final TaskId task;
    private final Journal journal;
    private final Function<String, String> inputs;
    private final Supplier<String> inputsFingerprint;
    private final List<String> reasons;
    private final Optional<TaskState> committed;
    private final BackupDirs backups;
    private final RunListener listener;

    RunTaskContext(TaskId task, Journal journal, Function<String, String> inputs, Supplier<String> inputsFingerprint,
            List<String> reasons, Optional<TaskState> committed, BackupDirs backups, RunListener listener) {
        this.task = task;
        this.journal = journal;
        this.inputs = inputs;
        this.inputsFingerprint = inputsFingerprint;
        this.reasons = List.copyOf(reasons);
        this.committed = committed;
        this.backups = backups;
        this.listener = listener;
    }

    @Override
    public TaskId taskId() {
        return task;
    }

    @Override
    public String runId() {
        return journal.runId();
    }

    @Override
    public String input(String name) {
        return inputs.apply(name);
    }

    @Override
    public String inputsFingerprint() {
        return inputsFingerprint.get();
    }

    @Override
    public List<String> reasons() {
        return reasons;
    }

    @Override
    public Optional<TaskState> committed() {
        return committed;
    }

    @Override
    public void recordUndo(String key, String value) {
        journal.undoNote(task, Objects.requireNonNull(key, "key"), value);
    }

    @Override
    public Path backupDir() {
        return backups.of(journal.runId(), task);
    }

    @Override
    public void log(String line) {
        listener.taskOutput(task, line);
    }
}
