package dev.alive.engine.task;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The tasks of the same undo walk still to be undone after this one (the walk goes in reverse
     * topological order, so none of them depends on this task): a task whose undo restarts
     * something the later undos change again can leave the final check to the last of them.
     */
    Set<TaskId> laterUndos();

    void log(String line);
}
