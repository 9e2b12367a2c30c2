package dev.alive.engine;

import dev.alive.engine.store.LockLostException;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one lifecycle every run of a unit goes through, whatever its {@link RunKind}: a run id; the
 * unit's lock, with a heartbeat while held; recovery of dead runs; the run record and
 * {@link RunListener#runStarted}; a fresh journal; the kind's {@link RunBody}; then either a
 * commit, deletion of the run's backups, pruning of the unit's old runs ({@link RunPruning}) and
 * {@link RunListener#runFinished}, or the body's undo,
 * the run finished without a commit and {@link RunListener#runFinished}.
 *
 * <p>Commit and finish are fenced by the lock's generation. A run whose lock was lost (taken over
 * after its heartbeat went stale) neither commits, nor undoes, nor finishes its record: the run that
 * took the lock over owns the unit and recovers it. It ends {@code RUNNING}, the loss as its summary.
 *
 * <p>The run's failures (its own and its recovery's) become text through one {@link Failures}
 * made from {@link ApplyOptions#secrets()}: journal details, summaries, listener events and the
 * result never carry those secrets.
 */
final class RunLifecycle {

    private final StateStore store;
    private final EngineOptions options;
    private final LockedSection lockedSection;
    private final Recovery recovery;
    private final BackupDirs backups;
    private final RunPruning pruning;

    RunLifecycle(StateStore store, EngineOptions options, LockedSection lockedSection, Recovery recovery,
            BackupDirs backups) {
        this.store = store;
        this.options = options;
        this.lockedSection = lockedSection;
        this.recovery = recovery;
        this.backups = backups;
        this.pruning = new RunPruning(store, options.keepRuns());
    }

    UnitResult run(TaskGraph graph, String unit, RunBody body, ApplyOptions runOptions, ScheduledExecutorService ticker,
            RunListener listener) {
        var runId = RunIds.next(options.clock());
        var failures = new Failures(runOptions.secrets());
        return lockedSection.run(ticker, unit, runId, runOptions.lockWait(), lock -> {
            var recovered = recovery.recover(unit, graph, listener, lock.owner(), failures);
            store.beginRun(new RunRecord(runId, unit, body.kind(), options.hostName(), ProcessHandle.current().pid(),
                    options.clock().instant(), null, RunOutcome.RUNNING, null));
            listener.runStarted(unit, runId);
            var run = new OpenRun(graph, unit, Journal.fresh(store, runId, options.clock()), listener, lock,
                    failures);
            return finish(body, run, body.perform(run), recovered);
        });
    }

    private UnitResult finish(RunBody body, OpenRun run, RunWork work, List<RecoveredRun> recovered) {
        if (run.lock().isLost()) {
            return lost(body, run, work, recovered);
        }
        if (work instanceof RunWork.Done done) {
            var notCommitted = commit(run, done);
            if (run.lock().isLost()) {
                return lost(body, run, work, recovered);
            }
            if (notCommitted.isEmpty()) {
                backups.deleteRunQuietly(run.runId());
                pruning.afterCommit(run.unit());
                run.listener().runFinished(run.unit(), run.runId(), RunOutcome.SUCCEEDED, done.summary());
                return new UnitResult.Finished(run.unit(), run.runId(), body.kind(), RunOutcome.SUCCEEDED, done.ran(),
                        done.skipped(), Optional.empty(), new UndoReport(List.of(), List.of(), List.of()), recovered,
                        done.summary());
            }
            work = notCommitted.get();
        }
        var stopped = (RunWork.Stopped) work;
        var closing = body.close(run, stopped);
        try {
            store.finishRun(run.runId(), closing.outcome(), closing.summary(), run.lock().owner());
        } catch (LockLostException e) {
            run.lock().markLost(e);
            return lost(body, run, work, recovered);
        }
        if (closing.outcome() != RunOutcome.ROLLBACK_INCOMPLETE) {
            backups.deleteRunQuietly(run.runId());
        }
        run.listener().runFinished(run.unit(), run.runId(), closing.outcome(), closing.summary());
        return new UnitResult.Finished(run.unit(), run.runId(), body.kind(), closing.outcome(), stopped.ran(),
                stopped.skipped(), stopped.failure(), closing.report(), recovered, closing.summary());
    }

    /** The run lost its lock: it leaves the unit, its record and its undo to the run that took the lock over. */
    private static UnitResult lost(RunBody body, OpenRun run, RunWork work, List<RecoveredRun> recovered) {
        var summary = run.lock().lost().orElseThrow().getMessage();
        var failure = work instanceof RunWork.Stopped stopped ? stopped.failure() : Optional.<TaskFailure>empty();
        run.listener().runFinished(run.unit(), run.runId(), RunOutcome.RUNNING, summary);
        return new UnitResult.Finished(run.unit(), run.runId(), body.kind(), RunOutcome.RUNNING, work.ran(),
                work.skipped(), failure, new UndoReport(List.of(), List.of(), List.of()), recovered, summary);
    }

    /** Commits; returns the work stopped when it could not (then nothing was committed). */
    private Optional<RunWork.Stopped> commit(OpenRun run, RunWork.Done done) {
        try {
            store.commit(run.runId(), done.pending(), done.removed(), done.summary(), run.lock().owner());
            return Optional.empty();
        } catch (LockLostException e) {
            run.lock().markLost(e);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(done.notCommitted("commit failed: " + run.failures().describe(e)));
        }
    }
}
