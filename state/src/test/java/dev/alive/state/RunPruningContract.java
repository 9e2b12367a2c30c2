package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.PrunedRuns;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import dev.alive.engine.task.TaskState.RecordedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link StateStore#pruneRuns} on each database; every test works on units of its own. */
abstract class RunPruningContract {

    protected abstract AliveDatabase open();

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String unit = "site-" + tag + ".test";
    private final String releases = "/srv/" + tag + "/releases/";
    private AliveDatabase db;
    private StateStore store;
    private final Map<String, LockOwner> locks = new java.util.HashMap<>();
    private int runs;

    @BeforeEach
    void openDatabase() {
        db = open();
        store = db.stateStore();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void keepsTheNewestRunsAndRemovesOlderOnesWithTheirJournals() {
        var all = new ArrayList<String>();
        for (var i = 0; i < 10; i++) {
            all.add(deploy(unit, "build", "fp" + i, null));
        }

        var pruned = store.pruneRuns(unit, 3, 100);

        assertThat(pruned.runs()).isEqualTo(7);
        assertThat(pruned.journalEntries()).isEqualTo(14);
        assertThat(runIds(unit)).containsExactly(all.get(9), all.get(8), all.get(7));
        assertThat(store.journal(all.get(0))).isEmpty();
        assertThat(store.journal(all.get(9))).hasSize(2);
        assertThat(store.pruneRuns(unit, 3, 100)).isEqualTo(PrunedRuns.NOTHING);
    }

    @Test
    void neverRemovesAnUnfinishedRunNorOneThatHoldsACommittedState() {
        var holdsEnv = deploy(unit, "env", "e1", null);
        var dead = begin(unit);
        store.appendJournal(entry(dead, 1, "build", JournalEntry.Kind.STARTED, null));
        var replaced = new ArrayList<String>();
        for (var i = 0; i < 5; i++) {
            replaced.add(deploy(unit, "build", "fp" + i, null));
        }

        store.pruneRuns(unit, 1, 100);

        assertThat(runIds(unit)).containsExactly(replaced.get(4), dead, holdsEnv);
        assertThat(store.committed(TaskId.of(unit, "env")).orElseThrow().runId()).isEqualTo(holdsEnv);
        assertThat(store.journal(dead)).hasSize(1);
    }

    @Test
    void keepsEveryRunSinceTheLatestSuccessBecauseRecoveryAndReasonsReadThem() {
        var older = deploy(unit, "build", "fp0", null);
        var success = deploy(unit, "build", "fp1", null);
        var failed = new ArrayList<String>();
        for (var i = 0; i < 4; i++) {
            var run = begin(unit);
            store.finishRun(run, i % 2 == 0 ? RunOutcome.ROLLED_BACK : RunOutcome.ROLLBACK_INCOMPLETE, "failed", locks.get(run));
            failed.add(0, run);
        }

        store.pruneRuns(unit, 1, 100);

        var expected = new ArrayList<>(failed);
        expected.add(success);
        assertThat(runIds(unit)).containsExactlyElementsOf(expected).doesNotContain(older);
    }

    @Test
    void removesAtMostTheGivenNumberOfRunsPerCall() {
        for (var i = 0; i < 10; i++) {
            deploy(unit, "build", "fp" + i, null);
        }

        assertThat(store.pruneRuns(unit, 2, 3).runs()).isEqualTo(3);
        assertThat(runIds(unit)).hasSize(7);
        assertThat(store.pruneRuns(unit, 2, 100).runs()).isEqualTo(5);
        assertThat(runIds(unit)).hasSize(2);
    }

    @Test
    void forgetsFileHashesBelowOutputTreesThatOnlyPrunedRunsNamed() {
        for (var i = 0; i < 4; i++) {
            deploy(unit, "build", "fp" + i, releases + "r" + i + "/dist");
            store.fileHashCache().put(key(releases + "r" + i + "/dist/index.html"), "sha-" + i);
        }
        store.fileHashCache().put(key("/srv/" + tag + "/template/index.html"), "sha-template");
        store.fileHashCache().put(key(releases + "r0/distant.html"), "sha-neighbour");
        store.fileHashCache().flush();

        var pruned = store.pruneRuns(unit, 2, 100);

        assertThat(pruned.fileHashes()).isEqualTo(2);
        try (var reopened = open()) {
            var cache = reopened.stateStore().fileHashCache();
            assertThat(cache.get(key(releases + "r0/dist/index.html"))).isEmpty();
            assertThat(cache.get(key(releases + "r1/dist/index.html"))).isEmpty();
            assertThat(cache.get(key(releases + "r2/dist/index.html"))).contains("sha-2");
            assertThat(cache.get(key(releases + "r3/dist/index.html"))).contains("sha-3");
            assertThat(cache.get(key("/srv/" + tag + "/template/index.html"))).contains("sha-template");
            assertThat(cache.get(key(releases + "r0/distant.html"))).contains("sha-neighbour");
        }
        assertThat(store.fileHashCache().get(key(releases + "r0/dist/index.html"))).isEmpty();
    }

    @Test
    void keepsTheFileHashesOfATreeACommittedStateStillNames() {
        var stable = "/srv/" + tag + "/caddy/site.caddy";
        for (var i = 0; i < 3; i++) {
            deploy(unit, "proxy", "fp" + i, stable);
        }
        store.fileHashCache().put(key(stable), "sha-caddy");
        store.fileHashCache().flush();

        assertThat(store.pruneRuns(unit, 1, 100).fileHashes()).isZero();
        try (var reopened = open()) {
            assertThat(reopened.stateStore().fileHashCache().get(key(stable))).contains("sha-caddy");
        }
    }

    @Test
    void removesManifestsThatNoCommittedStateOfAnyUnitNames() {
        var other = "other-" + tag + ".test";
        for (var i = 0; i < 3; i++) {
            store.saveManifest(fingerprint(i), Map.of("index.html", "digest-" + i));
            deploy(unit, "release", fingerprint(i), null);
        }
        deploy(other, "release", fingerprint(0), null);

        var pruned = store.pruneRuns(unit, 1, 100);

        assertThat(pruned.runs()).isEqualTo(2);
        assertThat(pruned.manifests()).isEqualTo(1);
        assertThat(store.manifest(fingerprint(0))).as("another unit's committed state names it").isPresent();
        assertThat(store.manifest(fingerprint(1))).isEmpty();
        assertThat(store.manifest(fingerprint(2))).isPresent();
    }

    @Test
    void keepsAManifestThatARunningRunHasJournaled() {
        var other = "other-" + tag + ".test";
        store.saveManifest(fingerprint(7), Map.of("a", "b"));
        deploy(unit, "release", fingerprint(7), null);
        deploy(unit, "release", fingerprint(8), null);
        var running = begin(other);
        store.appendJournal(entry(running, 1, "release", JournalEntry.Kind.SUCCEEDED,
                state(other, "release", fingerprint(7), null, running)));

        store.pruneRuns(unit, 1, 100);

        assertThat(store.manifest(fingerprint(7))).isPresent();
    }

    private String fingerprint(int i) {
        return tag + "-tree-" + i;
    }

    /** One successful run that commits one task whose tree input is {@code fingerprint} (and an output tree, if given). */
    private String deploy(String unitName, String task, String fingerprint, String outputTree) {
        var run = begin(unitName);
        var state = state(unitName, task, fingerprint, outputTree, run);
        store.appendJournal(entry(run, 1, task, JournalEntry.Kind.STARTED, null));
        store.appendJournal(entry(run, 2, task, JournalEntry.Kind.SUCCEEDED, state));
        store.commit(run, List.of(state), List.of(), "1 ran", locks.get(run));
        return run;
    }

    private String begin(String unitName) {
        var runId = tag + "-run-" + String.format("%03d", ++runs);
        var mine = new LockOwner("host", 1, runId, Instant.now());
        var holder = store.tryLock(unitName, mine);
        locks.put(runId, holder.runId().equals(runId) ? holder
                : store.takeOverLock(unitName, holder, mine).orElseThrow());
        store.beginRun(new RunRecord(runId, unitName, RunKind.APPLY, "host", 1, Instant.now(), null,
                RunOutcome.RUNNING, null));
        return runId;
    }

    private static TaskState state(String unitName, String task, String fingerprint, String outputTree, String run) {
        var outputs = outputTree == null ? Map.<String, RecordedOutput>of()
                : Map.of("out", new RecordedOutput(null, outputTree, List.of(), List.of(), "out-" + fingerprint));
        return new TaskState(TaskId.of(unitName, task), "all-" + fingerprint, Map.of("template", fingerprint), outputs,
                run, Instant.now());
    }

    private JournalEntry entry(String run, long sequence, String task, JournalEntry.Kind kind, TaskState pending) {
        var unitName = pending == null ? unit : pending.taskId().unit();
        return new JournalEntry(run, sequence, TaskId.of(unitName, task), kind, null, null, pending, Instant.now());
    }

    private List<String> runIds(String unitName) {
        return store.runs(unitName, 1000).stream().map(RunRecord::runId).toList();
    }

    private static FileHashCache.Key key(String path) {
        return new FileHashCache.Key(path, 10, 1, 2, 3);
    }
}
