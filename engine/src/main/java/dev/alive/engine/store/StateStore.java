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
     * and marks the run SUCCEEDED with its summary; only while {@code lock} still holds the run's
     * unit (same run id and generation), checked in the same transaction. Either all of it happens
     * or none.
     *
     * @throws LockLostException when the unit's lock is no longer held by {@code lock}; nothing is committed
     * @throws IllegalStateException when the run is unknown or no longer RUNNING (say a later run
     *     recovered it); then nothing is committed
     */
    void commit(String runId, Collection<TaskState> states, Collection<TaskId> removed, String summary, LockOwner lock);

    /**
     * Marks a run finished without committing anything (ROLLED_BACK, ROLLBACK_INCOMPLETE, RECOVERED),
     * only while {@code lock} still holds the run's unit: the run's own lock, or that of the later
     * run that recovers it.
     *
     * @throws LockLostException when the unit's lock is no longer held by {@code lock}; nothing changed
     */
    void finishRun(String runId, RunOutcome outcome, String summary, LockOwner lock);

    Optional<RunRecord> run(String runId);

    /** Runs of a unit, newest first, at most {@code limit}. */
    List<RunRecord> runs(String unit, int limit);

    /** Runs of a unit still marked RUNNING (their process may have died), oldest first. */
    List<RunRecord> unfinishedRuns(String unit);

    /**
     * Removes the oldest finished runs of {@code unit} beyond its newest {@code keepRuns}, at most
     * {@code atMost} of them, in one transaction: their journals, the file-hash rows below output
     * trees that only those runs named, and the manifests they named that no committed task state
     * (nor a journal line of a RUNNING run) names any more. Never removes a RUNNING run, one a
     * committed task state or a lock names, nor one newer than the unit's latest SUCCEEDED run
     * (recovery and the reasons of the last attempts read those). A store that keeps nothing for
     * long (a test double) may remove nothing.
     */
    default PrunedRuns pruneRuns(String unit, int keepRuns, int atMost) {
        return PrunedRuns.NOTHING;
    }

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
     * Takes the unit's lock for {@code owner} when free. Returns the lock's holder afterwards:
     * {@code owner} with the generation the store gave it (higher than any earlier holder's of the
     * unit, released ones included) when it took the lock or already held it (same run id), else
     * the run that holds it.
     */
    LockOwner tryLock(String unit, LockOwner owner);

    /**
     * Replaces {@code staleHolder} by {@code owner} if (and only if) the lock is still held by
     * exactly {@code staleHolder} (same run id). Returns {@code owner} with its new (higher)
     * generation when it took the lock over, empty otherwise.
     */
    Optional<LockOwner> takeOverLock(String unit, LockOwner staleHolder, LockOwner owner);

    /**
     * Refreshes the heartbeat of the lock {@code owner} holds (same run id and generation). Returns
     * false when it no longer holds it: the lock was taken over, and the run must stop.
     */
    boolean heartbeat(String unit, LockOwner owner);

    /** Releases the lock if {@code owner} holds it (same run id and generation). */
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
