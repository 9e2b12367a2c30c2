package dev.alive.engine;

import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.LockOwner;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Crash recovery. Called with the unit's lock held, so every run still marked RUNNING is dead: its
 * journaled tasks (every task with a STARTED entry that was not undone yet — a task may have died
 * mid-run) are undone in reverse topological order with the current graph's tasks and the
 * journaled undo notes; then the run is finished as RECOVERED (or ROLLBACK_INCOMPLETE).
 * Before a dead run of this host is undone, what it left running is stopped ({@link RunLeftovers}).
 * A dead destroy run is not undone (destroy cannot be); it is finished as ROLLBACK_INCOMPLETE.
 *
 * <p>A rollback left incomplete (an undo failed) is finished the same way before anything else:
 * the undos that failed are tried again, and the run becomes RECOVERED when they succeed. Only
 * runs since the unit's last successful run count: a success re-established the world.
 */
final class Recovery {

    private static final int INCOMPLETE_LOOKBACK = 20;

    private final StateStore store;
    private final UndoWalk undoWalk;
    private final BackupDirs backups;
    private final Clock clock;
    private final String hostName;
    private final RunLeftovers leftovers;

    Recovery(StateStore store, UndoWalk undoWalk, BackupDirs backups, EngineOptions options) {
        this.store = store;
        this.undoWalk = undoWalk;
        this.backups = backups;
        this.clock = options.clock();
        this.hostName = options.hostName();
        this.leftovers = options.leftovers();
    }

    /**
     * With {@code lock} held: stops what each dead run of this host left running, then undoes it;
     * undo failures are journaled and summarized with the recovering run's secrets hidden.
     */
    List<RecoveredRun> recover(String unit, TaskGraph graph, RunListener listener, LockOwner lock, Failures failures) {
        var recovered = new ArrayList<RecoveredRun>();
        for (var dead : pendingRuns(store, unit)) {
            listener.recoveryStarted(unit, dead.runId());
            if (hostName.equals(dead.host())) {
                leftovers.stop(dead);
            }
            var result = dead.kind() == RunKind.DESTROY ? closeDestroy(dead) : undo(dead, graph, listener, failures);
            store.finishRun(dead.runId(), result.outcome(), result.summary(), lock);
            if (result.outcome() == RunOutcome.RECOVERED) {
                backups.deleteRunQuietly(dead.runId());
            }
            listener.runFinished(unit, dead.runId(), result.outcome(), result.summary());
            recovered.add(result);
        }
        return recovered;
    }

    /** Runs whose undo a next run owes: dead ones, then incomplete rollbacks since the last success, oldest first. */
    static List<RunRecord> pendingRuns(StateStore store, String unit) {
        var pending = new ArrayList<>(store.unfinishedRuns(unit));
        var incomplete = new ArrayList<RunRecord>();
        for (var run : store.runs(unit, INCOMPLETE_LOOKBACK)) {
            if (run.outcome() == RunOutcome.SUCCEEDED) {
                break;
            }
            if (run.outcome() == RunOutcome.ROLLBACK_INCOMPLETE && run.kind() != RunKind.DESTROY) {
                incomplete.add(0, run);
            }
        }
        pending.addAll(incomplete);
        return pending;
    }

    private RecoveredRun undo(RunRecord dead, TaskGraph graph, RunListener listener, Failures failures) {
        var pending = new LinkedHashSet<TaskId>();
        for (var entry : store.journal(dead.runId())) {
            switch (entry.kind()) {
                case STARTED, UNDO_FAILED -> pending.add(entry.taskId());
                case UNDONE -> pending.remove(entry.taskId());
                default -> { }
            }
        }
        var report = undoWalk.undo(Journal.continuing(store, dead.runId(), clock), pending, graph, listener, failures);
        var outcome = report.complete() ? RunOutcome.RECOVERED : RunOutcome.ROLLBACK_INCOMPLETE;
        var what = dead.outcome() == RunOutcome.ROLLBACK_INCOMPLETE
                ? "its rollback was incomplete; finished by a later run: "
                : "the run's process died; recovered by a later run: ";
        return new RecoveredRun(dead.runId(), outcome, report, what + report.describe());
    }

    private RecoveredRun closeDestroy(RunRecord dead) {
        var touched = new LinkedHashSet<TaskId>();
        store.journal(dead.runId()).stream()
                .filter(entry -> entry.kind() == JournalEntry.Kind.STARTED)
                .forEach(entry -> touched.add(entry.taskId()));
        var problems = touched.stream().map(id -> id + " (destroy may have been partial)").toList();
        var report = new UndoReport(List.of(), List.copyOf(touched), problems);
        return new RecoveredRun(dead.runId(), RunOutcome.ROLLBACK_INCOMPLETE, report,
                "the destroy's process died; its state is still committed, destroy again to finish"
                        + (touched.isEmpty() ? "" : ": " + report.describe()));
    }
}
