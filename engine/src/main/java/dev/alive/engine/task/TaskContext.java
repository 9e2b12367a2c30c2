package dev.alive.engine.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a task sees while it runs. */
public interface TaskContext {

    TaskId taskId();

    String runId();

    /** The resolved value of a declared {@link Input.Value} or {@link Input.Upstream}. */
    String input(String name);

    /**
     * The fingerprint of all this task's inputs together, as it will be committed: a stable name
     * for what the task makes from them (a release id, say).
     */
    String inputsFingerprint();

    /**
     * Why the task runs, as the up-to-date check found it ({@code forced}, {@code input 'x' changed},
     * {@code last attempt failed}, ...); for a destroy, {@code destroy}.
     */
    List<String> reasons();

    /** The outputs this task recorded at the last commit, if any. */
    Optional<TaskState> committed();

    /**
     * Persists an undo note before the change it describes is made (write-ahead). Never pass
     * secrets: notes are stored in the journal.
     */
    void recordUndo(String key, String value);

    /** A run-scoped directory (mode 0700) for backups undo may need; deleted at commit. */
    Path backupDir();

    /** Streams one line of progress or command output to the run's listener. */
    void log(String line);
}
