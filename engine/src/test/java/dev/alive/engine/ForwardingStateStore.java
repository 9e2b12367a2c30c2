package dev.alive.engine;

import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunLog;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Forwards every call to another store; tests override the one call they want to break. */
class ForwardingStateStore implements StateStore {

    private final StateStore target;

    ForwardingStateStore(StateStore target) {
        this.target = target;
    }

    @Override
    public Optional<TaskState> committed(TaskId id) {
        return target.committed(id);
    }

    @Override
    public Map<TaskId, TaskState> committedUnit(String unit) {
        return target.committedUnit(unit);
    }

    @Override
    public List<String> units() {
        return target.units();
    }

    @Override
    public void beginRun(RunRecord run) {
        target.beginRun(run);
    }

    @Override
    public void appendJournal(JournalEntry entry) {
        target.appendJournal(entry);
    }

    @Override
    public List<JournalEntry> journal(String runId) {
        return target.journal(runId);
    }

    @Override
    public void commit(String runId, Collection<TaskState> states, Collection<TaskId> removed, String summary,
            LockOwner lock) {
        target.commit(runId, states, removed, summary, lock);
    }

    @Override
    public void finishRun(String runId, RunOutcome outcome, String summary, LockOwner lock) {
        target.finishRun(runId, outcome, summary, lock);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return target.run(runId);
    }

    @Override
    public List<RunRecord> runs(String unit, int limit) {
        return target.runs(unit, limit);
    }

    @Override
    public List<RunRecord> unfinishedRuns(String unit) {
        return target.unfinishedRuns(unit);
    }

    @Override
    public LockOwner tryLock(String unit, LockOwner owner) {
        return target.tryLock(unit, owner);
    }

    @Override
    public Optional<LockOwner> takeOverLock(String unit, LockOwner staleHolder, LockOwner owner) {
        return target.takeOverLock(unit, staleHolder, owner);
    }

    @Override
    public boolean heartbeat(String unit, LockOwner owner) {
        return target.heartbeat(unit, owner);
    }

    @Override
    public void unlock(String unit, LockOwner owner) {
        target.unlock(unit, owner);
    }

    @Override
    public Optional<LockOwner> lockHolder(String unit) {
        return target.lockHolder(unit);
    }

    @Override
    public FileHashCache fileHashCache() {
        return target.fileHashCache();
    }

    @Override
    public void saveManifest(String treeFingerprint, Map<String, String> manifest) {
        target.saveManifest(treeFingerprint, manifest);
    }

    @Override
    public Optional<Map<String, String>> manifest(String treeFingerprint) {
        return target.manifest(treeFingerprint);
    }

    @Override
    public byte[] fingerprintKey() {
        return target.fingerprintKey();
    }

    @Override
    public void close() {
        target.close();
    }

    @Override
    public void appendRunLog(String runId, List<RunLog.Line> lines) {
        target.appendRunLog(runId, lines);
    }

    @Override
    public RunLog runLog(String runId) {
        return target.runLog(runId);
    }
}
