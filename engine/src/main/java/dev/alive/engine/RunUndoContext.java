package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import dev.alive.engine.task.UndoContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The immutable context of one undo, in the run itself or in a later recovery. */
final class RunUndoContext implements UndoContext {

    private final TaskId task;
    private final String runId;
    private final Map<String, String> notes;
    private final Optional<TaskState> committed;
    private final BackupDirs backups;
    private final RunListener listener;
    private final Set<TaskId> laterUndos;

    RunUndoContext(TaskId task, String runId, Map<String, String> notes, Optional<TaskState> committed,
            BackupDirs backups, RunListener listener, Set<TaskId> laterUndos) {
        this.task = task;
        this.runId = runId;
        this.notes = notes;
        this.committed = committed;
        this.backups = backups;
        this.listener = listener;
        this.laterUndos = Set.copyOf(laterUndos);
    }

    @Override
    public TaskId taskId() {
        return task;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Map<String, String> notes() {
        return notes;
    }

    @Override
    public Path backupDir() {
        return backups.of(runId, task);
    }

    @Override
    public Optional<TaskState> committed() {
        return committed;
    }

    @Override
    public Set<TaskId> laterUndos() {
        return laterUndos;
    }

    @Override
    public void log(String line) {
        listener.taskOutput(task, line);
    }
}
