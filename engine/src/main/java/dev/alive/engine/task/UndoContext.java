package dev.alive.engine.task;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What a task sees while its run is being undone (possibly by a later process after a crash). */
public interface UndoContext {

    TaskId taskId();

    String runId();

    /**
     * The undo notes {@link TaskContext#recordUndo} persisted during the run, in order. A key
     * recorded twice keeps its first value: the state before the run's first change.
     */
    Map<String, String> notes();

    /** The same backup directory the run had. */
    Path backupDir();

    /** The state of this task at the last commit: what the world should return to. */
    Optional<TaskState> committed();

    void log(String line);
}
