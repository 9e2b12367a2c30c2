package dev.alive.engine.task;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One unit of work with a stable id, declared inputs and outputs, a {@code run} and an
 * {@code undo}. Tasks never call each other: the graph orders them by {@link #dependsOn()}.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #inputs()} is cheap and side-effect free; plan calls it too.</li>
 *   <li>{@link #run} is idempotent. Before each change it makes to the world it records what undo
 *       needs with {@link TaskContext#recordUndo} (write-ahead), so that undo works even after the
 *       process was killed mid-way. Undo notes must never hold secrets.</li>
 *   <li>{@link #undo} restores what {@code run} changed in this run, using only the undo notes,
 *       the run's backup directory and the last committed state. It tolerates notes for changes
 *       that never happened (the process may have died between the note and the change).</li>
 * </ul>
 */
public interface Task {

    TaskId id();

    Set<TaskId> dependsOn();

    List<Input> inputs();

    /** Runs the task and returns its named outputs. Throw to fail; the run is then rolled back. */
    Map<String, Output> run(TaskContext context) throws Exception;

    /** Restores what {@link #run} changed in this run (see the class contract). */
    void undo(UndoContext context) throws Exception;

    /**
     * True when a rerun may produce outputs other than the committed ones (a new release id, a
     * value derived from a changed input): plan then says "known after apply" for the tasks that
     * read them. When false, plan assumes a rerun reproduces the committed outputs, so readers of
     * an unchanged output stay up to date in the plan; apply always compares the real outputs.
     */
    default boolean outputsKnownAfterRun() {
        return false;
    }

    /**
     * Names of the tree outputs whose files hold secrets (an env file with passwords). The engine
     * records them by HMAC-SHA256 under the store's key instead of plain SHA-256 (fingerprint,
     * manifest entries) and never puts their files in the file-hash cache, so the store holds
     * nothing a dictionary could be tried against; drift is still found. Value outputs are recorded
     * as they are and must not be named here. A committed output recorded the other way (before
     * the task declared it secret) is a reason to rerun once.
     */
    default Set<String> secretOutputs() {
        return Set.of();
    }

    /**
     * Reasons why the outputs recorded at the last commit no longer describe the world (for
     * example "service is not running"). Tree outputs are checked by the engine itself; this is
     * for what only the task can observe. Empty means no drift.
     */
    default List<String> drift(Map<String, String> recordedValues) {
        return List.of();
    }

    /** Removes everything this task ever made (used by destroy); the default does nothing. */
    default void destroy(TaskContext context) throws Exception {
    }
}
