package dev.alive.engine;

import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.store.InMemoryStateStore;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunLog;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test store that survives its process: every change is appended to a file as one line before
 * the call returns, and replayed into an {@link InMemoryStateStore} when the file is opened again.
 * Only for the crash test (the engine cannot see the SQLite store of {@code state/}).
 */
final class FileBackedStateStore implements StateStore {

    private final Path file;
    private final InMemoryStateStore memory = new InMemoryStateStore();
    private final byte[] key;

    FileBackedStateStore(Path file) {
        this.file = file;
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "key\t" + Base64.getEncoder().encodeToString(memory.fingerprintKey()) + "\n");
            }
            var lines = Files.readAllLines(file);
            this.key = Base64.getDecoder().decode(lines.get(0).split("\t")[1]);
            lines.subList(1, lines.size()).forEach(this::replay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replay(String line) {
        int tab = line.indexOf('\t');
        var op = line.substring(0, tab);
        var f = LineCodec.split(line.substring(tab + 1));
        switch (op) {
            case "begin" -> memory.beginRun(LineCodec.unrun(f.get(0)));
            case "journal" -> memory.appendJournal(LineCodec.unentry(f.get(0)));
            case "commit" -> memory.commit(f.get(0), LineCodec.unlist(f.get(1)).stream().map(LineCodec::unstate).toList(),
                    LineCodec.unlist(f.get(2)).stream().map(TaskId::parse).toList(), f.get(3), LineCodec.unowner(f.get(4)));
            case "finish" -> memory.finishRun(f.get(0), RunOutcome.valueOf(f.get(1)), f.get(2), LineCodec.unowner(f.get(3)));
            case "lock" -> memory.tryLock(f.get(0), LineCodec.unowner(f.get(1)));
            case "takeover" -> memory.takeOverLock(f.get(0), LineCodec.unowner(f.get(1)), LineCodec.unowner(f.get(2)));
            case "beat" -> memory.heartbeat(f.get(0), LineCodec.unowner(f.get(1)));
            case "unlock" -> memory.unlock(f.get(0), LineCodec.unowner(f.get(1)));
            case "manifest" -> memory.saveManifest(f.get(0), LineCodec.unmap(f.get(1)));
            default -> throw new IllegalStateException("unknown line in " + file + ": " + op);
        }
    }

    private synchronized void append(String op, String... fields) {
        try {
            Files.writeString(file, op + "\t" + LineCodec.fields(fields) + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void beginRun(RunRecord run) {
        memory.beginRun(run);
        append("begin", LineCodec.run(run));
    }

    @Override
    public synchronized void appendJournal(JournalEntry entry) {
        memory.appendJournal(entry);
        append("journal", LineCodec.entry(entry));
    }

    @Override
    public synchronized void commit(String runId, Collection<TaskState> states, Collection<TaskId> removed, String summary,
            LockOwner lock) {
        memory.commit(runId, states, removed, summary, lock);
        append("commit", runId, LineCodec.list(states.stream().map(LineCodec::state).toList()),
                LineCodec.list(removed.stream().map(TaskId::toString).toList()), summary, LineCodec.owner(lock));
    }

    @Override
    public synchronized void finishRun(String runId, RunOutcome outcome, String summary, LockOwner lock) {
        memory.finishRun(runId, outcome, summary, lock);
        append("finish", runId, outcome.name(), summary, LineCodec.owner(lock));
    }

    @Override
    public synchronized LockOwner tryLock(String unit, LockOwner owner) {
        var holder = memory.tryLock(unit, owner);
        append("lock", unit, LineCodec.owner(owner));
        return holder;
    }

    @Override
    public synchronized Optional<LockOwner> takeOverLock(String unit, LockOwner staleHolder, LockOwner owner) {
        var taken = memory.takeOverLock(unit, staleHolder, owner);
        append("takeover", unit, LineCodec.owner(staleHolder), LineCodec.owner(owner));
        return taken;
    }

    @Override
    public synchronized boolean heartbeat(String unit, LockOwner owner) {
        var held = memory.heartbeat(unit, owner);
        append("beat", unit, LineCodec.owner(owner));
        return held;
    }

    @Override
    public synchronized void unlock(String unit, LockOwner owner) {
        memory.unlock(unit, owner);
        append("unlock", unit, LineCodec.owner(owner));
    }

    @Override
    public synchronized void saveManifest(String treeFingerprint, Map<String, String> manifest) {
        memory.saveManifest(treeFingerprint, manifest);
        append("manifest", treeFingerprint, LineCodec.map(manifest));
    }

    @Override
    public Optional<TaskState> committed(TaskId id) {
        return memory.committed(id);
    }

    @Override
    public Map<TaskId, TaskState> committedUnit(String unit) {
        return memory.committedUnit(unit);
    }

    @Override
    public List<String> units() {
        return memory.units();
    }

    @Override
    public List<JournalEntry> journal(String runId) {
        return memory.journal(runId);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return memory.run(runId);
    }

    @Override
    public List<RunRecord> runs(String unit, int limit) {
        return memory.runs(unit, limit);
    }

    @Override
    public List<RunRecord> unfinishedRuns(String unit) {
        return memory.unfinishedRuns(unit);
    }

    @Override
    public Optional<LockOwner> lockHolder(String unit) {
        return memory.lockHolder(unit);
    }

    @Override
    public FileHashCache fileHashCache() {
        return memory.fileHashCache();
    }

    @Override
    public Optional<Map<String, String>> manifest(String treeFingerprint) {
        return memory.manifest(treeFingerprint);
    }

    @Override
    public byte[] fingerprintKey() {
        return key.clone();
    }

    @Override
    public void close() {
    }

    /** Kept in memory only: the crash test does not read run logs. */
    @Override
    public synchronized void appendRunLog(String runId, List<RunLog.Line> lines) {
        memory.appendRunLog(runId, lines);
    }

    @Override
    public synchronized RunLog runLog(String runId) {
        return memory.runLog(runId);
    }
}
