package dev.alive.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do. A store is tested through {@link #createStore()} (and
 * {@link #reopen} for durability). Tests name their units and runs uniquely, so a store may be a
 * database shared by all tests of a class. Instants are compared to the microsecond.
 */
public abstract class StateStoreContract {

    /** A store to test; it may already hold data of other tests (names never collide). */
    protected abstract StateStore createStore();

    /**
     * The same storage opened again, as the next process would see it. A store kept only in
     * memory returns {@code store} itself (the default).
     */
    protected StateStore reopen(StateStore store) {
        return store;
    }

    protected StateStore store;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String unit = "site-" + tag + ".test";
    private long pid = 100;
    private final Map<String, LockOwner> holds = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // committed state

    @Test
    void hasNoCommittedStateForAnUnknownTask() {
        assertThat(store.committed(task("build"))).isEmpty();
        assertThat(store.committedUnit(unit)).isEmpty();
    }

    @Test
    void commitReplacesTheRunsStatesAndMarksItSucceeded() {
        var first = begin();
        store.commit(first.runId(), List.of(state("build", "fp1", first), state("env", "fp1", first)), List.of(), "2 ran", held(first));
        var second = begin();
        var rebuilt = state("build", "fp2", second);
        store.commit(second.runId(), List.of(rebuilt), List.of(), "1 ran", held(second));

        assertThat(store.committed(task("build"))).contains(rebuilt);
        assertThat(store.committed(task("env")).orElseThrow().inputsFingerprint()).isEqualTo("fp1");
        assertThat(store.committedUnit(unit)).containsOnlyKeys(task("build"), task("env"));
        var run = store.run(second.runId()).orElseThrow();
        assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(run.summary()).isEqualTo("1 ran");
        assertThat(run.finishedAt()).isNotNull();
    }

    @Test
    void commitDeletesTheRemovedTasks() {
        var first = begin();
        store.commit(first.runId(), List.of(state("build", "fp", first), state("proxy", "fp", first)), List.of(), "", held(first));
        var second = begin();
        store.commit(second.runId(), List.of(), List.of(task("proxy")), "destroyed proxy", held(second));

        assertThat(store.committed(task("proxy"))).isEmpty();
        assertThat(store.committedUnit(unit)).containsOnlyKeys(task("build"));
    }

    @Test
    void commitIsAllOrNothingWhenItFailsHalfway() {
        var first = begin();
        store.commit(first.runId(), List.of(state("build", "old", first)), List.of(), "", held(first));
        var second = begin();
        var failing = new AbstractList<TaskState>() {
            @Override
            public TaskState get(int index) {
                if (index == 1) {
                    throw new IllegalStateException("the second state cannot be read");
                }
                return state("build", "new", second);
            }

            @Override
            public int size() {
                return 2;
            }
        };

        assertThatThrownBy(() -> store.commit(second.runId(), failing, List.of(), "", held(second))).isInstanceOf(RuntimeException.class);

        assertThat(store.committed(task("build")).orElseThrow().inputsFingerprint()).isEqualTo("old");
        assertThat(store.run(second.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RUNNING);
    }

    @Test
    void refusesToCommitAnUnknownRun() {
        assertThatThrownBy(() -> store.commit("no-such-run-" + tag, List.of(state("build", "fp", null)), List.of(), "", owner("nobody")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.committed(task("build"))).isEmpty();
    }

    @Test
    void refusesToCommitARunThatIsNoLongerRunning() {
        var run = begin();
        store.finishRun(run.runId(), RunOutcome.RECOVERED, "undone by the next run", held(run));

        assertThatThrownBy(() -> store.commit(run.runId(), List.of(state("build", "fp", run)), List.of(), "", held(run)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(run.runId());
        assertThat(store.committed(task("build"))).isEmpty();
        assertThat(store.run(run.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RECOVERED);
    }

    @Test
    void keepsEveryPartOfATaskStateAcrossReopen() {
        var run = begin();
        var state = new TaskState(task("release"), "inputs-fp",
                Map.of("template", "tree-fp", "command", "\"quoted\" \\ back\nslash ünïcödé ✓ \u0001"),
                Map.of("dir", TaskState.RecordedOutput.ofTree(
                                new Output.Tree(java.nio.file.Path.of("/srv/sites/x/releases/1"), List.of("**/*.js"), List.of("node_modules/**")),
                                "out-tree-fp"),
                        "port", TaskState.RecordedOutput.ofValue("3333", "out-value-fp"),
                        "empty", TaskState.RecordedOutput.ofValue("", "empty-fp")),
                run.runId(), now());
        var bare = new TaskState(task("health"), "fp", Map.of(), Map.of(), null, null);
        store.commit(run.runId(), List.of(state, bare), List.of(), "", held(run));

        store = reopen(store);

        assertThat(store.committed(task("release"))).contains(state);
        assertThat(store.committed(task("health"))).contains(bare);
    }

    @Test
    void listsUnitsWithCommittedStateSorted() {
        String later = "zz-" + unit;
        String earlier = "aa-" + unit;
        for (String u : List.of(later, earlier)) {
            var run = begin(u);
            store.commit(run.runId(), List.of(new TaskState(TaskId.of(u, "build"), "fp", Map.of(), Map.of(), run.runId(), now())),
                    List.of(), "", held(run));
        }
        var units = store.units();
        assertThat(units).isSorted().containsSubsequence(earlier, later);
        assertThat(units).doesNotContain(unit);
    }

    // runs

    @Test
    void refusesToBeginTheSameRunTwice() {
        var run = begin();
        assertThatThrownBy(() -> store.beginRun(run)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsARunAsItBegan() {
        var run = begin();
        assertThat(store.run(run.runId())).contains(run);
        assertThat(store.run("no-such-run-" + tag)).isEmpty();
    }

    @Test
    void keepsEveryRunKind() {
        var runs = new ArrayList<RunRecord>();
        for (var kind : RunKind.values()) {
            runs.add(new RunRecord("run-" + UUID.randomUUID(), unit, kind, "host-1", pid++, now(), null,
                    RunOutcome.RUNNING, null));
            store.beginRun(runs.get(runs.size() - 1));
        }

        store = reopen(store);

        for (var run : runs) {
            assertThat(store.run(run.runId())).contains(run);
        }
    }

    @Test
    void listsRunsNewestFirstUpToTheLimit() {
        var first = begin();
        var second = begin();
        var third = begin();
        begin("other-" + unit);

        assertThat(store.runs(unit, 10)).extracting(RunRecord::runId)
                .containsExactly(third.runId(), second.runId(), first.runId());
        assertThat(store.runs(unit, 2)).extracting(RunRecord::runId).containsExactly(third.runId(), second.runId());
    }

    @Test
    void listsUnfinishedRunsOldestFirst() {
        var crashed = begin();
        var done = begin();
        store.commit(done.runId(), List.of(), List.of(), "ok", held(done));
        var running = begin();

        assertThat(store.unfinishedRuns(unit)).extracting(RunRecord::runId).containsExactly(crashed.runId(), running.runId());
    }

    @Test
    void finishingARunRecordsItsOutcomeAndCommitsNothing() {
        var run = begin();
        store.appendJournal(entry(run, 1, JournalEntry.Kind.SUCCEEDED, state("build", "fp", run)));
        store.finishRun(run.runId(), RunOutcome.ROLLED_BACK, "build failed; 1 task undone", held(run));

        var finished = store.run(run.runId()).orElseThrow();
        assertThat(finished.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
        assertThat(finished.summary()).isEqualTo("build failed; 1 task undone");
        assertThat(finished.finishedAt()).isNotNull();
        assertThat(store.committed(task("build"))).isEmpty();
        assertThat(store.unfinishedRuns(unit)).isEmpty();
    }

    @Test
    void refusesToFinishAnUnknownRun() {
        assertThatThrownBy(() -> store.finishRun("no-such-run-" + tag, RunOutcome.ROLLED_BACK, "", owner("nobody")))
                .isInstanceOf(IllegalStateException.class);
    }

    // journal

    @Test
    void returnsTheJournalInSequenceOrder() {
        var run = begin();
        var started = entry(run, 1, JournalEntry.Kind.STARTED, null);
        var note = new JournalEntry(run.runId(), 2, task("build"), JournalEntry.Kind.UNDO_NOTE, "backup", "/tmp/x", null, now());
        var succeeded = entry(run, 3, JournalEntry.Kind.SUCCEEDED, state("build", "fp", run));
        store.appendJournal(succeeded);
        store.appendJournal(started);
        store.appendJournal(note);

        assertThat(store.journal(run.runId())).containsExactly(started, note, succeeded);
        assertThat(store.journal("no-such-run-" + tag)).isEmpty();
    }

    @Test
    void keepsTheJournalAcrossReopen() {
        var run = begin();
        var entries = new ArrayList<JournalEntry>();
        entries.add(entry(run, 1, JournalEntry.Kind.STARTED, null));
        entries.add(new JournalEntry(run.runId(), 2, task("build"), JournalEntry.Kind.FAILED, null, "exit 1", null, null));
        entries.add(entry(run, 3, JournalEntry.Kind.UNDONE, null));
        entries.forEach(store::appendJournal);

        store = reopen(store);

        assertThat(store.journal(run.runId())).containsExactlyElementsOf(entries);
        assertThat(store.unfinishedRuns(unit)).extracting(RunRecord::runId).containsExactly(run.runId());
    }

    @Test
    void refusesJournalEntriesOfAnUnknownRun() {
        var ghost = new RunRecord("no-such-run-" + tag, unit, RunKind.APPLY, "h", 1, now(), null, RunOutcome.RUNNING, null);
        assertThatThrownBy(() -> store.appendJournal(entry(ghost, 1, JournalEntry.Kind.STARTED, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsJournalEntriesWrittenFromManyThreads() throws Exception {
        var run = begin();
        var pool = Executors.newFixedThreadPool(8);
        for (int i = 1; i <= 200; i++) {
            long sequence = i;
            pool.submit(() -> store.appendJournal(entry(run, sequence, JournalEntry.Kind.STARTED, null)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(store.journal(run.runId())).extracting(JournalEntry::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());
    }

    // run logs

    @Test
    void keepsRunLogLinesInOrderAcrossAppendsAndReopen() {
        var run = begin();
        var first = List.of(RunLog.Line.of(task("install"), "added 3 packages"), RunLog.Line.of(task("install"), ""));
        var second = List.of(RunLog.Line.of(task("build"), "> vite build \u2713 \uD83D\uDE80"),
                RunLog.Line.of(task("build"), "dist/index.html  0.4 kB"));
        store.appendRunLog(run.runId(), first);
        store.appendRunLog(run.runId(), second);

        store = reopen(store);

        var all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(store.runLog(run.runId())).isEqualTo(new RunLog(all, 0));
    }

    @Test
    void hasAnEmptyRunLogForARunThatPrintedNothingOrAnUnknownRun() {
        var run = begin();
        store.appendRunLog(run.runId(), List.of());

        assertThat(store.runLog(run.runId())).isEqualTo(RunLog.empty());
        assertThat(store.runLog("no-such-run-" + tag)).isEqualTo(RunLog.empty());
    }

    @Test
    void refusesRunLogLinesOfAnUnknownRun() {
        assertThatThrownBy(() -> store.appendRunLog("no-such-run-" + tag, List.of(RunLog.Line.of(task("build"), "x"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsOnlyTheLastLinesOfARunAndCountsTheOthers() {
        var run = begin();
        int total = RunLog.MAX_LINES + 500;
        var lines = new ArrayList<RunLog.Line>();
        for (int i = 1; i <= total; i++) {
            lines.add(RunLog.Line.of(task("build"), "line " + i));
        }
        store.appendRunLog(run.runId(), lines.subList(0, 300));
        store.appendRunLog(run.runId(), lines.subList(300, 2_100));
        store.appendRunLog(run.runId(), lines.subList(2_100, total));

        var log = reopen(store).runLog(run.runId());
        assertThat(log.droppedLines()).isEqualTo(500);
        assertThat(log.lines()).hasSize(RunLog.MAX_LINES).containsExactlyElementsOf(lines.subList(500, total));
    }

    @Test
    void keepsAtMostTheByteBoundOfARunsText() {
        var run = begin();
        var lines = new ArrayList<RunLog.Line>();
        for (int i = 0; i < 100; i++) {
            lines.add(RunLog.Line.of(task("build"), String.format("%04d", i) + "x".repeat(3_996)));
        }
        for (var line : lines) {
            store.appendRunLog(run.runId(), List.of(line));
        }

        var log = store.runLog(run.runId());
        int fitting = RunLog.MAX_BYTES / 4_000;
        assertThat(log.lines()).containsExactlyElementsOf(lines.subList(100 - fitting, 100));
        assertThat(log.droppedLines()).isEqualTo(100 - fitting);
        assertThat(log.lines().stream().mapToInt(RunLog.Line::bytes).sum()).isLessThanOrEqualTo(RunLog.MAX_BYTES);
    }

    @Test
    void keepsALongLineCutToTheLineBound() {
        var run = begin();
        var line = RunLog.Line.of(task("build"), "\u00e9".repeat(10_000));
        store.appendRunLog(run.runId(), List.of(line));

        var kept = store.runLog(run.runId()).lines();
        assertThat(kept).containsExactly(line);
        assertThat(kept.get(0).bytes()).isLessThanOrEqualTo(RunLog.MAX_LINE_BYTES);
        assertThat(kept.get(0).text()).endsWith(RunLog.CUT_MARK).startsWith("\u00e9\u00e9");
    }

    // locks

    @Test
    void takesAFreeLockAndNamesTheHolderToOthers() {
        var mine = store.tryLock(unit, owner("run-a"));
        assertThat(mine.runId()).isEqualTo(owner("run-a").runId());
        assertThat(mine.generation()).isPositive();
        assertThat(store.lockHolder(unit)).contains(mine);

        assertThat(store.tryLock(unit, owner("run-b"))).isEqualTo(mine);
        assertThat(store.tryLock(unit, owner("run-a"))).as("the holder asking again").isEqualTo(mine);
        assertThat(store.tryLock("other-" + unit, owner("run-b")).runId()).as("another unit").isEqualTo(owner("run-b").runId());
    }

    @Test
    void takesOverOnlyFromTheSameStaleRun() {
        var stale = store.tryLock(unit, owner("run-a"));
        var rescuer = owner("run-b");

        assertThat(store.takeOverLock(unit, owner("run-x"), rescuer)).isEmpty();
        assertThat(store.lockHolder(unit)).contains(stale);
        var taken = store.takeOverLock(unit, stale, rescuer).orElseThrow();
        assertThat(taken.runId()).isEqualTo(rescuer.runId());
        assertThat(taken.generation()).isGreaterThan(stale.generation());
        assertThat(store.lockHolder(unit)).contains(taken);
        assertThat(store.takeOverLock(unit, stale, owner("run-c"))).as("a second rescuer is too late").isEmpty();
        assertThat(store.takeOverLock("free-" + unit, stale, rescuer)).as("a free lock").isEmpty();
    }

    @Test
    void givesEachHoldOfALockAHigherGenerationEvenAfterARelease() {
        var first = store.tryLock(unit, owner("run-a"));
        store.unlock(unit, first);
        var second = store.tryLock(unit, owner("run-b"));
        var third = store.takeOverLock(unit, second, owner("run-c")).orElseThrow();
        store = reopen(store);
        store.unlock(unit, third);
        var fourth = store.tryLock(unit, owner("run-d"));

        assertThat(List.of(first.generation(), second.generation(), third.generation(), fourth.generation()))
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void unlocksOnlyForTheHolder() {
        var mine = store.tryLock(unit, owner("run-a"));

        store.unlock(unit, owner("run-b"));
        assertThat(store.lockHolder(unit)).contains(mine);
        store.unlock(unit, mine.withGeneration(mine.generation() + 1));
        assertThat(store.lockHolder(unit)).as("same run, another generation").contains(mine);
        store.unlock(unit, mine);
        assertThat(store.lockHolder(unit)).isEmpty();
        assertThat(store.tryLock(unit, owner("run-b")).runId()).isEqualTo(owner("run-b").runId());
    }

    @Test
    void refreshesTheHeartbeatOfTheHoldersLockOnlyAndTellsWhetherItStillHoldsIt() {
        var mine = store.tryLock(unit, owner("run-a"));
        var later = mine.withHeartbeat(mine.heartbeat().plusSeconds(30));

        assertThat(store.heartbeat(unit, later)).isTrue();
        assertThat(store.lockHolder(unit)).contains(later);
        assertThat(store.heartbeat(unit, owner("run-b").withHeartbeat(mine.heartbeat().plusSeconds(60)))).isFalse();
        assertThat(store.lockHolder(unit)).contains(later);

        var rescuer = store.takeOverLock(unit, later, owner("run-b")).orElseThrow();
        assertThat(store.heartbeat(unit, later.withHeartbeat(later.heartbeat().plusSeconds(60))))
                .as("the run whose lock was taken over").isFalse();
        assertThat(store.lockHolder(unit)).contains(rescuer);
    }

    @Test
    void keepsLocksAcrossReopen() {
        var mine = store.tryLock(unit, owner("run-a"));
        store = reopen(store);
        assertThat(store.lockHolder(unit)).contains(mine);
    }

    // fencing

    @Test
    void refusesTheCommitOfARunWhoseLockWasTakenOver() {
        var first = begin();
        store.commit(first.runId(), List.of(state("build", "old", first)), List.of(), "", held(first));
        var stalled = begin();
        var rescuer = begin();

        assertThatThrownBy(() -> store.commit(stalled.runId(), List.of(state("build", "new", stalled)), List.of(), "",
                held(stalled)))
                .isInstanceOfSatisfying(LockLostException.class, e -> {
                    assertThat(e.holder()).contains(held(rescuer));
                    assertThat(e.getMessage()).contains(stalled.runId(), "lost the lock of " + unit, rescuer.runId(),
                            "committed nothing");
                });
        assertThat(store.committed(task("build")).orElseThrow().inputsFingerprint()).isEqualTo("old");
        assertThat(store.run(stalled.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RUNNING);
    }

    @Test
    void refusesToFinishARunWithALockThatWasTakenOverOrReleased() {
        var stalled = begin();
        var rescuer = begin();

        assertThatThrownBy(() -> store.finishRun(stalled.runId(), RunOutcome.ROLLED_BACK, "", held(stalled)))
                .isInstanceOf(LockLostException.class);
        store.finishRun(stalled.runId(), RunOutcome.RECOVERED, "undone by the next run", held(rescuer));
        store.unlock(unit, held(rescuer));
        assertThatThrownBy(() -> store.commit(rescuer.runId(), List.of(state("build", "fp", rescuer)), List.of(), "",
                held(rescuer)))
                .isInstanceOf(LockLostException.class).hasMessageContaining("released");

        assertThat(store.run(stalled.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RECOVERED);
        assertThat(store.run(rescuer.runId()).orElseThrow().outcome()).isEqualTo(RunOutcome.RUNNING);
        assertThat(store.committed(task("build"))).isEmpty();
    }

    // fingerprints

    @Test
    void keepsManifestsByFingerprintAndTheFirstOneWins() {
        var manifest = new TreeMap<String, String>();
        for (int i = 0; i < 20_000; i++) {
            manifest.put("src/dir" + (i % 50) + "/file " + i + ".ts", "f:644:" + Integer.toHexString(i * 7919));
        }
        String fingerprint = "tree-" + tag;
        store.saveManifest(fingerprint, manifest);
        store.saveManifest(fingerprint, Map.of("other", "x"));

        store = reopen(store);

        assertThat(store.manifest(fingerprint)).contains(manifest);
        assertThat(store.manifest("unknown-" + tag)).isEmpty();
    }

    @Test
    void remembersFileHashesAfterFlushAndOnlyForTheSameFileVersion() {
        var key = new FileHashCache.Key("/srv/" + tag + "/app/index.html", 120, 1_700_000_000_123_456_789L, 42, 1_700_000_000_223_456_789L);
        var nested = new FileHashCache.Key("/srv/" + tag + "/app/src/deep/main.ts", 7, 1L, 43, 2L);
        var cache = store.fileHashCache();
        assertThat(cache.get(key)).isEmpty();
        cache.put(key, "a".repeat(64));
        cache.put(nested, "b".repeat(64));
        assertThat(cache.get(key)).contains("a".repeat(64));
        cache.flush();

        store = reopen(store);
        var fresh = store.fileHashCache();

        assertThat(fresh.get(nested)).contains("b".repeat(64));
        assertThat(fresh.get(key)).contains("a".repeat(64));
        assertThat(fresh.get(new FileHashCache.Key(key.path(), 120, key.mtimeNanos() + 1, 42, key.ctimeNanos())))
                .as("touched file").isEmpty();
        assertThat(fresh.get(new FileHashCache.Key(key.path(), 120, key.mtimeNanos(), 99, key.ctimeNanos())))
                .as("replaced file").isEmpty();
    }

    @Test
    void replacesTheHashOfAFileThatChanged() {
        var before = new FileHashCache.Key("/srv/" + tag + "/a.txt", 1, 1, 1, 1);
        var after = new FileHashCache.Key("/srv/" + tag + "/a.txt", 2, 2, 1, 2);
        var cache = store.fileHashCache();
        cache.put(before, "1".repeat(64));
        cache.flush();
        var second = store.fileHashCache();
        assertThat(second.get(after)).isEmpty();
        second.put(after, "2".repeat(64));
        second.flush();

        store = reopen(store);
        var third = store.fileHashCache();
        assertThat(third.get(after)).contains("2".repeat(64));
    }

    @Test
    void keepsTheFingerprintKeyAcrossReopen() {
        byte[] key = store.fingerprintKey();
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        key[0]++;
        assertThat(store.fingerprintKey()).as("a copy is handed out").isNotEqualTo(key);
        byte[] again = store.fingerprintKey();

        store = reopen(store);

        assertThat(store.fingerprintKey()).isEqualTo(again);
    }

    // helpers

    protected final TaskId task(String name) {
        return TaskId.of(unit, name);
    }

    protected final RunRecord begin() {
        return begin(unit);
    }

    /** A new RUNNING run of {@code unitName}, holding the unit's lock (taken over from the run before). */
    protected final RunRecord begin(String unitName) {
        var run = new RunRecord("run-" + UUID.randomUUID(), unitName, RunKind.APPLY, "host-1", pid++, now(), null,
                RunOutcome.RUNNING, null);
        var mine = new LockOwner("host-1", run.pid(), run.runId(), now());
        var holder = store.tryLock(unitName, mine);
        holds.put(run.runId(), holder.runId().equals(run.runId()) ? holder
                : store.takeOverLock(unitName, holder, mine).orElseThrow());
        store.beginRun(run);
        return run;
    }

    /** The lock {@code run} holds (see {@link #begin(String)}). */
    protected final LockOwner held(RunRecord run) {
        return holds.get(run.runId());
    }

    protected final TaskState state(String name, String fingerprint, RunRecord run) {
        return new TaskState(task(name), fingerprint, Map.of("command", "digest-" + fingerprint),
                Map.of("out", TaskState.RecordedOutput.ofValue("value-" + fingerprint, "fp-" + fingerprint)),
                run == null ? null : run.runId(), now());
    }

    private JournalEntry entry(RunRecord run, long sequence, JournalEntry.Kind kind, TaskState pending) {
        return new JournalEntry(run.runId(), sequence, task("build"), kind, null, "reasons " + sequence, pending, now());
    }

    private LockOwner owner(String runId) {
        return new LockOwner("host-1", 4242, runId + "-" + tag, now());
    }

    /** Now, to the microsecond (what every store keeps). */
    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
