package dev.alive.engine.store;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine remembers committed task states, runs, their journals and unit locks.
 * Implementations: the SQL stores in {@code state/} (SQLite and PostgreSQL, on plain JDBC), and
 * {@code InMemoryStateStore} in the engine test jar.
 * Every implementation passes {@code StateStoreContract} (engine test-jar).
 *
 * <p>All methods are safe to call from several threads. Journal writes are durable when the
 * method returns (a crash right after must not lose them).
 */
public interface StateStore extends AutoCloseable {

    // committed state

    Optional<TaskState> committed(TaskId id);

    /** Every committed task state of a unit. */
    Map<TaskId, TaskState> committedUnit(String unit);

    /** Units that have committed state, sorted. */
    List<String> units();

    // runs and journal

    /** Records a new run of {@code unit} in state RUNNING. */
    void beginRun(RunRecord run);

    void appendJournal(JournalEntry entry);

    /** The run's journal in sequence order. */
    List<JournalEntry> journal(String runId);

    /**
     * Atomically: replaces the committed states of the given tasks, deletes those of {@code removed},
     * and marks the run SUCCEEDED with its summary. Either all of it happens or none.
     *
     * @throws IllegalStateException when the run is unknown or no longer RUNNING (say a later run
     *     recovered it); then nothing is committed
     */
    void commit(String runId, Collection<TaskState> states, Collection<TaskId> removed, String summary);

    /** Marks a run finished without committing anything (ROLLED_BACK, ROLLBACK_INCOMPLETE, RECOVERED). */
    void finishRun(String runId, RunOutcome outcome, String summary);

    Optional<RunRecord> run(String runId);

    /** Runs of a unit, newest first, at most {@code limit}. */
    List<RunRecord> runs(String unit, int limit);

    /** Runs of a unit still marked RUNNING (their process may have died), oldest first. */
    List<RunRecord> unfinishedRuns(String unit);

    // run logs

    /**
     * Appends output lines of a run's tasks to its log, in one write, keeping only what
     * {@link RunLog}'s bounds allow (the run's last lines). The lines must already be free of
     * secrets. Deleting a run deletes its log.
     *
     * @throws IllegalStateException when the run is unknown
     */
    void appendRunLog(String runId, List<RunLog.Line> lines);

    /** The run's log as kept; empty for a run that printed nothing (or an unknown run). */
    RunLog runLog(String runId);

    // locks

    /**
     * Takes the unit's lock for {@code owner} when free. Returns empty when taken, or the current
     * holder when someone else holds it.
     */
    Optional<LockOwner> tryLock(String unit, LockOwner owner);

    /**
     * Replaces {@code staleHolder} by {@code owner} if (and only if) the lock is still held by
     * exactly {@code staleHolder} (same run id). Returns whether it was taken over.
     */
    boolean takeOverLock(String unit, LockOwner staleHolder, LockOwner owner);

    /** Refreshes the heartbeat of a lock {@code owner} holds. */
    void heartbeat(String unit, LockOwner owner);

    /** Releases the lock if {@code owner} holds it. */
    void unlock(String unit, LockOwner owner);

    Optional<LockOwner> lockHolder(String unit);

    // fingerprints

    /** The per-file hash cache this store keeps (may be {@link FileHashCache#NONE}). */
    FileHashCache fileHashCache();

    /** Stores a tree manifest (relative path to entry digest) under its fingerprint; idempotent. */
    void saveManifest(String treeFingerprint, Map<String, String> manifest);

    Optional<Map<String, String>> manifest(String treeFingerprint);

    /**
     * A random key, made once per store, with which secret inputs are digested (HMAC-SHA256) so
     * that a stored fingerprint reveals nothing of the secret without the key.
     */
    byte[] fingerprintKey();

    @Override
    void close();
}
