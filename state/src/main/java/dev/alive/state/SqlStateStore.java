package dev.alive.state;

import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockLostException;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.PrunedRuns;
import dev.alive.engine.store.RunLog;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's {@link StateStore} on SQLite or PostgreSQL. Instants are kept to the microsecond.
 * {@link #close()} does nothing: the {@link AliveDatabase} that made the store owns its connections.
 */
final class SqlStateStore implements StateStore {
    private final JdbiDatabase db;
    private final SqlTaskStates taskStates;
    private final SqlRuns runs;
    private final SqlLocks locks;
    private final SqlManifests manifests;
    private final SqlSettings settings;
    private final SqlFileHashCache fileHashes;
    private final SqlRunPruning pruning;
    private final SqlRunLogs runLogs;

    SqlStateStore(JdbiDatabase db) {
        this.db = db;
        this.taskStates = new SqlTaskStates(db);
        this.runs = new SqlRuns(db);
        this.locks = new SqlLocks(db);
        this.manifests = new SqlManifests(db);
        this.settings = new SqlSettings(db);
        this.fileHashes = new SqlFileHashCache(db);
        this.pruning = new SqlRunPruning(db, fileHashes);
        this.runLogs = new SqlRunLogs(db);
    }

    @Override
    public Optional<TaskState> committed(TaskId id) {
        return taskStates.find(id);
    }

    @Override
    public Map<TaskId, TaskState> committedUnit(String unit) {
        return taskStates.ofUnit(unit);
    }

    @Override
    public List<String> units() {
        return taskStates.units();
    }

    @Override
    public void beginRun(RunRecord run) {
        runs.begin(run);
    }

    @Override
    public void appendJournal(JournalEntry entry) {
        runs.append(entry);
    }

    @Override
    public List<JournalEntry> journal(String runId) {
        return runs.journal(runId);
    }

    /**
     * @throws LockLostException when {@code lock} no longer holds the run's unit
     * @throws IllegalStateException when the run is unknown or no longer RUNNING; then nothing is committed
     */
    @Override
    public void commit(String runId, Collection<TaskState> states, Collection<TaskId> removed, String summary,
            LockOwner lock) {
        db.jdbc().inTransaction(connection -> {
            var run = runs.find(connection, runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
            locks.checkHeld(connection, run.unit(), lock);
            if (!runs.finish(connection, runId, RunOutcome.SUCCEEDED, summary, true)) {
                throw new IllegalStateException("run " + runId + " is " + run.outcome() + ", not RUNNING: nothing committed");
            }
            taskStates.replace(connection, states, removed);
            return null;
        });
    }

    /** @throws LockLostException when {@code lock} no longer holds the run's unit; then nothing changed */
    @Override
    public void finishRun(String runId, RunOutcome outcome, String summary, LockOwner lock) {
        db.jdbc().inTransaction(connection -> {
            var run = runs.find(connection, runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
            locks.checkHeld(connection, run.unit(), lock);
            runs.finish(connection, runId, outcome, summary, false);
            return null;
        });
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return runs.find(runId);
    }

    @Override
    public List<RunRecord> runs(String unit, int limit) {
        return runs.newestFirst(unit, limit);
    }

    @Override
    public List<RunRecord> unfinishedRuns(String unit) {
        return runs.unfinished(unit);
    }

    /** See {@link SqlRunPruning}. */
    @Override
    public PrunedRuns pruneRuns(String unit, int keepRuns, int atMost) {
        return pruning.prune(unit, keepRuns, atMost);
    }

    @Override
    public void appendRunLog(String runId, List<RunLog.Line> lines) {
        runLogs.append(runId, lines);
    }

    @Override
    public RunLog runLog(String runId) {
        return runLogs.find(runId);
    }

    @Override
    public LockOwner tryLock(String unit, LockOwner owner) {
        return locks.tryLock(unit, owner);
    }

    @Override
    public Optional<LockOwner> takeOverLock(String unit, LockOwner staleHolder, LockOwner owner) {
        return locks.takeOver(unit, staleHolder, owner);
    }

    @Override
    public boolean heartbeat(String unit, LockOwner owner) {
        return locks.heartbeat(unit, owner);
    }

    @Override
    public void unlock(String unit, LockOwner owner) {
        locks.unlock(unit, owner);
    }

    @Override
    public Optional<LockOwner> lockHolder(String unit) {
        return locks.holder(unit);
    }

    /**
     * One cache for every fingerprint this store takes (a fleet fingerprints its shared template once
     * per site): it reads rows as lookups need them, each row once; {@link FileHashCache#flush()}
     * writes back. A row read earlier stays valid: a hash is only used for the same file version.
     */
    @Override
    public FileHashCache fileHashCache() {
        return fileHashes;
    }

    @Override
    public void saveManifest(String treeFingerprint, Map<String, String> manifest) {
        manifests.save(treeFingerprint, manifest);
    }

    @Override
    public Optional<Map<String, String>> manifest(String treeFingerprint) {
        return manifests.find(treeFingerprint);
    }

    @Override
    public byte[] fingerprintKey() {
        return settings.fingerprintKey();
    }

    @Override
    public void close() {
    }
}
