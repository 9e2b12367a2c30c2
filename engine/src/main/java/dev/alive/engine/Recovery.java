package dev.alive.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Crash recovery. Called with the unit's lock held, so every run still marked RUNNING is dead: its
 * journaled tasks (every task with a STARTED entry that was not undone yet — a task may have died
 * mid-run) are undone in reverse topological order with the current graph's tasks and the
 * journaled undo notes; then the run is finished as RECOVERED (or ROLLBACK_INCOMPLETE).
 * A dead destroy run is not undone (destroy cannot be); it is finished as ROLLBACK_INCOMPLETE.
 */
final class Recovery {

    static final String DESTROY = "destroy";

    private final StateStore store;
    private final UndoWalk undoWalk;
    private final BackupDirs backups;
    private final Clock clock;

    Recovery(StateStore store, UndoWalk undoWalk, BackupDirs backups, Clock clock) {
        this.store = store;
        this.undoWalk = undoWalk;
        this.backups = backups;
        this.clock = clock;
    }

    List<RecoveredRun> recover(String unit, TaskGraph graph, RunListener listener) {
        var recovered = new ArrayList<RecoveredRun>();
        for (var dead : store.unfinishedRuns(unit)) {
            listener.recoveryStarted(unit, dead.runId());
            var result = DESTROY.equals(dead.kind()) ? closeDestroy(dead) : undo(dead, graph, listener);
            store.finishRun(dead.runId(), result.outcome(), result.summary());
            if (result.outcome() == RunOutcome.RECOVERED) {
                backups.deleteRunQuietly(dead.runId());
            }
            listener.runFinished(unit, dead.runId(), result.outcome(), result.summary());
            recovered.add(result);
        }
        return recovered;
    }

    private RecoveredRun undo(RunRecord dead, TaskGraph graph, RunListener listener) {
        var pending = new LinkedHashSet<TaskId>();
        for (var entry : store.journal(dead.runId())) {
            switch (entry.kind()) {
                case STARTED, UNDO_FAILED -> pending.add(entry.taskId());
                case UNDONE -> pending.remove(entry.taskId());
                default -> { }
            }
        }
        var report = undoWalk.undo(Journal.continuing(store, dead.runId(), clock), pending, graph, listener);
        var outcome = report.complete() ? RunOutcome.RECOVERED : RunOutcome.ROLLBACK_INCOMPLETE;
        return new RecoveredRun(dead.runId(), outcome, report,
                "the run's process died; recovered by a later run: " + report.describe());
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
