package dev.alive.engine;

import static dev.alive.engine.FakeGraph.dependsOn;
import static dev.alive.engine.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.JournalEntry.Kind;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery of a run whose process died, simulated in the store (the real kill is in CrashRecoveryTest). */
class RecoveryTest {

    @TempDir
    Path temp;

    private Harness h;
    private long seq;

    @BeforeEach
    void committedThenDied() throws Exception {
        h = new Harness(temp);
        h.fakes.unit("a").task("x").task("y", dependsOn("x")).task("z");
        h.apply();
        h.fakes.clearLog();
        long deadPid = DeadProcess.pid();
        h.store.beginRun(new RunRecord("dead-run", "a", RunKind.APPLY, "test-host", deadPid, Instant.now(), null,
                RunOutcome.RUNNING, null));
        h.store.tryLock("a", new LockOwner("test-host", deadPid, "dead-run", Instant.now()));
    }

    @Test
    void undoesTheDeadRunsTasksInReverseOrderWithTheirNotesThenProceeds() {
        journal("a/x", Kind.STARTED, null, null);
        journal("a/x", Kind.UNDO_NOTE, "file", "/etc/a.env (absent)");
        journal("a/x", Kind.SUCCEEDED, null, null);
        journal("a/y", Kind.STARTED, null, null);
        journal("a/y", Kind.UNDO_NOTE, "release", "r2");

        var result = h.apply();

        assertThat(h.fakes.log()).containsExactly("undo a/y", "undo a/x", "run a/x", "run a/y");
        assertThat(h.fakes.task("a/x").undoNotesSeen).containsExactly(Map.of("file", "/etc/a.env (absent)"));
        assertThat(h.fakes.task("a/y").undoNotesSeen).containsExactly(Map.of("release", "r2"));
        assertThat(h.store.run("dead-run").orElseThrow().outcome()).isEqualTo(RunOutcome.RECOVERED);
        assertThat(result.recovered()).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo("dead-run");
            assertThat(run.undo().undone()).containsExactly(id("a/y"), id("a/x"));
        });
        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(h.listener.reasons.get(id("a/x"))).containsExactly("last attempt was undone");
        assertThat(h.listener.events).startsWith("recovering a dead-run", "undone a/y", "undone a/x",
                "finished a RECOVERED", "run a");
        assertThat(h.store.journal("dead-run")).extracting(JournalEntry::kind).endsWith(Kind.UNDONE, Kind.UNDONE);
    }

    @Test
    void planShowsTheDeadRunAndWhatItTouched() {
        journal("a/x", Kind.STARTED, null, null);

        var plan = h.plan();

        assertThat(plan.units().get(0).unfinishedRuns()).containsExactly("dead-run");
        assertThat(plan.task(id("a/x")).orElseThrow().reasons()).containsExactly("last attempt was interrupted");
        assertThat(plan.task(id("a/z")).orElseThrow().action()).isEqualTo(PlannedTask.Action.UP_TO_DATE);
        assertThat(h.fakes.log()).isEmpty();
    }

    @Test
    void tasksUndoneBeforeTheProcessDiedAreNotUndoneAgain() {
        journal("a/x", Kind.STARTED, null, null);
        journal("a/y", Kind.STARTED, null, null);
        journal("a/y", Kind.FAILED, null, "boom");
        journal("a/y", Kind.UNDONE, null, null);

        h.apply();

        assertThat(h.fakes.logOf("undo")).containsExactly("a/x");
    }

    @Test
    void aTaskNoLongerInTheGraphIsReportedAsLeftBehind() {
        journal("a/x", Kind.STARTED, null, null);
        journal("a/gone", Kind.STARTED, null, null);

        var result = h.apply();

        var recovered = result.recovered().get(0);
        assertThat(recovered.outcome()).isEqualTo(RunOutcome.ROLLBACK_INCOMPLETE);
        assertThat(recovered.undo().leftBehind()).containsExactly(id("a/gone"));
        assertThat(recovered.summary()).contains("a/gone (no longer in the graph, so it cannot be undone)");
        assertThat(h.fakes.logOf("undo")).containsExactly("a/x");
        assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void theDeadRunsBackupsStayForItsUndoAndAreDeletedOnceRecovered() throws Exception {
        journal("a/x", Kind.STARTED, null, null);
        var backup = temp.resolve("runs/dead-run/x");
        Files.createDirectories(backup);
        Files.writeString(backup.resolve("saved"), "old content");
        var seen = new java.util.concurrent.CopyOnWriteArrayList<String>();
        h.fakes.task("a/x").onUndo(context -> seen.add(Files.readString(context.backupDir().resolve("saved"))));

        h.apply();

        assertThat(seen).containsExactly("old content");
        assertThat(temp.resolve("runs/dead-run")).doesNotExist();
    }

    private void journal(String task, Kind kind, String key, String detail) {
        h.store.appendJournal(new JournalEntry("dead-run", ++seq, id(task), kind, key, detail, null, Instant.now()));
    }
}
