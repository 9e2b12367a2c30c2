package dev.alive.engine.store;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link StateStore} that keeps everything in memory: for engine tests and dry experiments. */
public final class InMemoryStateStore implements StateStore {

    private final Map<String, TreeMap<TaskId, TaskState>> committed = new HashMap<>();
    private final Map<String, RunRecord> runs = new HashMap<>();
    private final Map<String, List<String>> runOrder = new HashMap<>();
    private final Map<String, List<JournalEntry>> journals = new HashMap<>();
    private final Map<String, RunLog> runLogs = new HashMap<>();
    private final Map<String, LockOwner> locks = new HashMap<>();
    private final Map<String, Long> generations = new HashMap<>();
    private final Map<String, Map<String, String>> manifests = new HashMap<>();
    private final Map<FileHashCache.Key, String> hashes = new ConcurrentHashMap<>();
    private final byte[] fingerprintKey = new byte[32];

    public InMemoryStateStore() {
        new SecureRandom().nextBytes(fingerprintKey);
    }

    @Override
    public synchronized Optional<TaskState> committed(TaskId id) {
        return Optional.ofNullable(committed.getOrDefault(id.unit(), new TreeMap<>()).get(id));
    }

    @Override
    public synchronized Map<TaskId, TaskState> committedUnit(String unit) {
        return new TreeMap<>(committed.getOrDefault(unit, new TreeMap<>()));
    }

    @Override
    public synchronized List<String> units() {
        var units = new TreeSet<String>();
        committed.forEach((unit, states) -> {
            if (!states.isEmpty()) {
                units.add(unit);
            }
        });
        return List.copyOf(units);
    }

    @Override
    public synchronized void beginRun(RunRecord run) {
        if (runs.containsKey(run.runId())) {
            throw new IllegalStateException("run " + run.runId() + " already exists");
        }
        runs.put(run.runId(), run);
        runOrder.computeIfAbsent(run.unit(), unit -> new ArrayList<>()).add(run.runId());
        journals.put(run.runId(), new ArrayList<>());
    }

    @Override
    public synchronized void appendJournal(JournalEntry entry) {
        journalOf(entry.runId()).add(entry);
    }

    @Override
    public synchronized List<JournalEntry> journal(String runId) {
        var entries = new ArrayList<>(journals.getOrDefault(runId, List.of()));
        entries.sort(Comparator.comparingLong(JournalEntry::sequence));
        return entries;
    }

    @Override
    public synchronized void commit(String runId, Collection<TaskState> states, Collection<TaskId> removed, String summary,
            LockOwner lock) {
        var run = existingRun(runId);
        checkHeld(run.unit(), lock);
        if (run.outcome() != RunOutcome.RUNNING) {
            throw new IllegalStateException("run " + runId + " is " + run.outcome() + ", not RUNNING: nothing committed");
        }
        var toCommit = List.copyOf(states); // read everything before changing anything: all or nothing
        var toRemove = List.copyOf(removed);
        toCommit.forEach(state -> committed.computeIfAbsent(state.taskId().unit(), unit -> new TreeMap<>())
                .put(state.taskId(), state));
        toRemove.forEach(id -> committed.getOrDefault(id.unit(), new TreeMap<>()).remove(id));
        runs.put(runId, finished(run, RunOutcome.SUCCEEDED, summary));
    }

    @Override
    public synchronized void finishRun(String runId, RunOutcome outcome, String summary, LockOwner lock) {
        var run = existingRun(runId);
        checkHeld(run.unit(), lock);
        runs.put(runId, finished(run, outcome, summary));
    }

    private void checkHeld(String unit, LockOwner lock) {
        var holder = locks.get(unit);
        if (holder == null || !holder.sameHold(lock)) {
            throw new LockLostException(unit, lock, Optional.ofNullable(holder));
        }
    }

    @Override
    public synchronized Optional<RunRecord> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public synchronized List<RunRecord> runs(String unit, int limit) {
        var result = new ArrayList<RunRecord>();
        var order = runOrder.getOrDefault(unit, List.of());
        for (int i = order.size() - 1; i >= 0 && result.size() < limit; i--) {
            result.add(runs.get(order.get(i)));
        }
        return result;
    }

    @Override
    public synchronized List<RunRecord> unfinishedRuns(String unit) {
        return runOrder.getOrDefault(unit, List.of()).stream()
                .map(runs::get)
                .filter(run -> run.outcome() == RunOutcome.RUNNING)
                .toList();
    }

    @Override
    public synchronized void appendRunLog(String runId, List<RunLog.Line> lines) {
        existingRun(runId);
        var log = runLogs.getOrDefault(runId, RunLog.empty());
        var all = new ArrayList<>(log.lines());
        all.addAll(lines);
        var kept = RunLog.bounded(all);
        runLogs.put(runId, new RunLog(kept, log.droppedLines() + all.size() - kept.size()));
    }

    @Override
    public synchronized RunLog runLog(String runId) {
        return runLogs.getOrDefault(runId, RunLog.empty());
    }

    @Override
    public synchronized LockOwner tryLock(String unit, LockOwner owner) {
        var holder = locks.get(unit);
        if (holder == null) {
            var taken = owner.withGeneration(generations.merge(unit, 1L, Long::sum));
            locks.put(unit, taken);
            return taken;
        }
        return holder;
    }

    @Override
    public synchronized Optional<LockOwner> takeOverLock(String unit, LockOwner staleHolder, LockOwner owner) {
        var holder = locks.get(unit);
        if (holder == null || !holder.runId().equals(staleHolder.runId())) {
            return Optional.empty();
        }
        var taken = owner.withGeneration(generations.merge(unit, 1L, Long::sum));
        locks.put(unit, taken);
        return Optional.of(taken);
    }

    @Override
    public synchronized boolean heartbeat(String unit, LockOwner owner) {
        var holder = locks.get(unit);
        if (holder != null && holder.sameHold(owner)) {
            locks.put(unit, owner);
            return true;
        }
        return false;
    }

    @Override
    public synchronized void unlock(String unit, LockOwner owner) {
        var holder = locks.get(unit);
        if (holder != null && holder.sameHold(owner)) {
            locks.remove(unit);
        }
    }

    @Override
    public synchronized Optional<LockOwner> lockHolder(String unit) {
        return Optional.ofNullable(locks.get(unit));
    }

    @Override
    public FileHashCache fileHashCache() {
        return new FileHashCache() {
            @Override
            public Optional<String> get(Key key) {
                return Optional.ofNullable(hashes.get(key));
            }

            @Override
            public void put(Key key, String sha256) {
                hashes.put(key, sha256);
            }

            @Override
            public void flush() {
            }
        };
    }

    @Override
    public synchronized void saveManifest(String treeFingerprint, Map<String, String> manifest) {
        manifests.putIfAbsent(treeFingerprint, Map.copyOf(manifest));
    }

    @Override
    public synchronized Optional<Map<String, String>> manifest(String treeFingerprint) {
        return Optional.ofNullable(manifests.get(treeFingerprint));
    }

    @Override
    public byte[] fingerprintKey() {
        return fingerprintKey.clone();
    }

    @Override
    public void close() {
    }

    private List<JournalEntry> journalOf(String runId) {
        var journal = journals.get(runId);
        if (journal == null) {
            throw new IllegalStateException("no run " + runId);
        }
        return journal;
    }

    private RunRecord existingRun(String runId) {
        var run = runs.get(runId);
        if (run == null) {
            throw new IllegalStateException("no run " + runId);
        }
        return run;
    }

    private static RunRecord finished(RunRecord run, RunOutcome outcome, String summary) {
        return new RunRecord(run.runId(), run.unit(), run.kind(), run.host(), run.pid(), run.startedAt(),
                java.time.Instant.now(), outcome, summary);
    }
}
