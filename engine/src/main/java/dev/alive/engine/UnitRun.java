package dev.alive.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies one unit as one run: take the lock (heartbeat while held), recover dead runs, begin the
 * run, schedule its tasks; then commit every pending state at once, or undo every task this run
 * executed in reverse topological order and commit nothing.
 */
final class UnitRun {

    static final String APPLY = "apply";

    private final EngineParts parts;
    private final ExecutorService pool;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean stop;
    private final TreeSnapshots trees;

    /** One per apply: its units share {@code stop} and the snapshots of their tree inputs. */
    UnitRun(EngineParts parts, ExecutorService pool, ScheduledExecutorService ticker, AtomicBoolean stop) {
        this.parts = parts;
        this.pool = pool;
        this.ticker = ticker;
        this.stop = stop;
        this.trees = new TreeSnapshots(parts.store());
    }

    UnitResult apply(TaskGraph graph, String unit, ApplyOptions options, RunListener listener) {
        if (stop.get()) {
            return new UnitResult.NotStarted(unit, "another unit failed and fail-fast is on");
        }
        var runId = RunIds.next(parts.options().clock());
        return LockedSection.run(parts, ticker, unit, runId, options.lockWait(), () -> {
            var recovered = parts.recovery().recover(unit, graph, listener);
            parts.store().beginRun(parts.newRun(runId, unit, APPLY));
            listener.runStarted(unit, runId);
            var journal = Journal.fresh(parts.store(), runId, parts.options().clock());
            var scheduler = new UnitScheduler(graph, unit, pool, stop);
            var committed = CommittedStates.read(parts.store(), unit);
            var scope = new RunScope(journal, scheduler, options.forced(), committed,
                    LastAttempts.read(parts.store(), unit, runId), listener, trees);
            var outcome = scheduler.run(parts.step(), scope, options.failFast());
            return finish(graph, unit, journal, outcome, committed, recovered, listener);
        });
    }

    private UnitResult finish(TaskGraph graph, String unit, Journal journal, UnitScheduler.Outcome outcome,
            CommittedStates committed, List<RecoveredRun> recovered, RunListener listener) {
        var ran = new ArrayList<TaskId>();
        var skipped = new ArrayList<TaskId>();
        var pending = new ArrayList<TaskState>();
        for (var result : outcome.results()) {
            if (result instanceof TaskResult.Ran r) {
                ran.add(r.task());
                pending.add(r.state());
            } else if (result instanceof TaskResult.Skipped s) {
                skipped.add(s.task());
            }
        }
        Optional<TaskFailure> failure = outcome.failure().map(f -> TaskFailure.of(f.task(), f.error()));
        Optional<String> problem = failure.map(TaskFailure::toString).or(() -> outcome.stoppedEarly()
                ? Optional.of("stopped before every task ran (another unit failed, fail-fast)")
                : Optional.empty());
        if (problem.isEmpty()) {
            var removed = committed.ids().stream().filter(id -> !graph.contains(id)).sorted().toList();
            var summary = ran.size() + " ran, " + skipped.size() + " up to date"
                    + (removed.isEmpty() ? "" : ", " + removed.size() + " removed");
            problem = commit(journal.runId(), pending, removed, summary);
            if (problem.isEmpty()) {
                listener.runFinished(unit, journal.runId(), RunOutcome.SUCCEEDED, summary);
                return new UnitResult.Finished(unit, journal.runId(), APPLY, RunOutcome.SUCCEEDED, ran, skipped,
                        Optional.empty(), new UndoReport(List.of(), List.of(), List.of()), recovered, summary);
            }
        }
        var undo = rollBack(graph, unit, journal, outcome.executed(), problem.get(), listener);
        return new UnitResult.Finished(unit, journal.runId(), APPLY, undo.outcome(), ran, skipped, failure,
                undo.report(), recovered, undo.summary());
    }

    /** Commits; returns why it could not (then nothing was committed). */
    private Optional<String> commit(String runId, List<TaskState> pending, List<TaskId> removed, String summary) {
        try {
            parts.store().commit(runId, pending, removed, summary);
        } catch (RuntimeException e) {
            return Optional.of("commit failed: " + Failures.describe(e));
        }
        parts.backups().deleteRunQuietly(runId);
        return Optional.empty();
    }

    private record RolledBack(RunOutcome outcome, UndoReport report, String summary) {
    }

    private RolledBack rollBack(TaskGraph graph, String unit, Journal journal, List<TaskId> executed, String problem,
            RunListener listener) {
        var undo = parts.undoWalk().undo(journal, executed, graph, listener);
        var outcome = undo.complete() ? RunOutcome.ROLLED_BACK : RunOutcome.ROLLBACK_INCOMPLETE;
        var summary = problem + "; " + undo.describe();
        parts.store().finishRun(journal.runId(), outcome, summary);
        if (undo.complete()) {
            parts.backups().deleteRunQuietly(journal.runId());
        }
        listener.runFinished(unit, journal.runId(), outcome, summary);
        return new RolledBack(outcome, undo, summary);
    }
}
