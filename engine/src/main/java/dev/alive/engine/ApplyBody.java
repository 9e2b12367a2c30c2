package dev.alive.engine;

import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The body of an apply (or rollback) run: the {@link UnitScheduler} checks and runs the unit's
 * tasks; a run that cannot commit undoes every task it executed in reverse topological order.
 * One per {@link Engine#apply}: its units share the task pool, the fail-fast flag and the
 * snapshots of their tree inputs.
 */
final class ApplyBody implements RunBody {

    private final ApplyOptions options;
    private final StateStore store;
    private final TaskStep step;
    private final UndoWalk undoWalk;
    private final ExecutorService pool;
    private final AtomicBoolean stop;
    private final TreeSnapshots trees;

    ApplyBody(ApplyOptions options, StateStore store, TaskStep step, UndoWalk undoWalk, ExecutorService pool,
            AtomicBoolean stop) {
        this.options = options;
        this.store = store;
        this.step = step;
        this.undoWalk = undoWalk;
        this.pool = pool;
        this.stop = stop;
        this.trees = new TreeSnapshots(store);
    }

    @Override
    public RunKind kind() {
        return options.kind();
    }

    @Override
    public RunWork perform(OpenRun run) {
        var scheduler = new UnitScheduler(run.graph(), run.unit(), pool, stop, run.lock());
        var committed = CommittedStates.read(store, run.unit());
        var scope = new RunScope(run.journal(), scheduler, options.forced(), committed,
                LastAttempts.read(store, run.unit(), run.runId(), options.kind()), run.listener(), trees,
                run.failures());
        var outcome = scheduler.run(step, scope, options.failFast());
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
        Optional<TaskFailure> failure = outcome.failure().map(f -> run.failures().of(f.task(), f.error()));
        if (failure.isPresent() || outcome.stoppedEarly()) {
            var problem = failure.map(TaskFailure::toString)
                    .orElse("stopped before every task ran (another unit failed, fail-fast)");
            return new RunWork.Stopped(ran, skipped, outcome.executed(), failure, problem);
        }
        var removed = committed.ids().stream().filter(id -> !run.graph().contains(id)).sorted().toList();
        var summary = ran.size() + " ran, " + skipped.size() + " up to date"
                + (removed.isEmpty() ? "" : ", " + removed.size() + " removed");
        return new RunWork.Done(ran, skipped, pending, removed, summary);
    }

    @Override
    public Closing close(OpenRun run, RunWork.Stopped work) {
        var undo = undoWalk.undo(run.journal(), work.executed(), run.graph(), run.listener(), run.failures());
        var outcome = undo.complete() ? RunOutcome.ROLLED_BACK : RunOutcome.ROLLBACK_INCOMPLETE;
        return new Closing(outcome, undo, work.problem() + "; " + undo.describe());
    }
}
