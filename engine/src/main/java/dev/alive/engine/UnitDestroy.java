package dev.alive.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Destroys one unit as one journaled run: {@link Task#destroy} of each task in reverse topological
 * order, then a commit that drops every committed state of the unit. Destroy cannot be undone: the
 * first failure stops the walk and the run ends ROLLBACK_INCOMPLETE, committing nothing.
 */
final class UnitDestroy {

    static final String DESTROY = Recovery.DESTROY;

    private final EngineParts parts;
    private final ScheduledExecutorService ticker;

    UnitDestroy(EngineParts parts, ScheduledExecutorService ticker) {
        this.parts = parts;
        this.ticker = ticker;
    }

    UnitResult destroy(TaskGraph graph, String unit, Duration lockWait, RunListener listener) {
        var runId = RunIds.next(parts.options().clock());
        return LockedSection.run(parts, ticker, unit, runId, lockWait, () -> {
            var recovered = parts.recovery().recover(unit, graph, listener);
            parts.store().beginRun(parts.newRun(runId, unit, DESTROY));
            listener.runStarted(unit, runId);
            var journal = Journal.fresh(parts.store(), runId, parts.options().clock());
            var order = new ArrayList<>(graph.tasksOf(unit));
            Collections.reverse(order);
            var destroyed = new ArrayList<TaskId>();
            for (var task : order) {
                var failure = destroyOne(task, journal, listener);
                if (failure.isPresent()) {
                    return failed(unit, runId, order, destroyed, failure.get(), recovered, listener);
                }
                destroyed.add(task.id());
            }
            var committed = parts.store().committedUnit(unit).keySet();
            var notInGraph = committed.stream().filter(id -> !graph.contains(id)).toList();
            var summary = "destroyed " + destroyed.size() + " tasks" + (notInGraph.isEmpty() ? ""
                    : "; dropped the state of " + notInGraph + ", which are no longer in the graph and were not destroyed");
            parts.store().commit(runId, List.of(), committed, summary);
            parts.backups().deleteRunQuietly(runId);
            listener.runFinished(unit, runId, RunOutcome.SUCCEEDED, summary);
            return new UnitResult.Finished(unit, runId, DESTROY, RunOutcome.SUCCEEDED, destroyed, List.of(),
                    Optional.empty(), new UndoReport(List.of(), List.of(), List.of()), recovered, summary);
        });
    }

    private Optional<TaskFailure> destroyOne(Task task, Journal journal, RunListener listener) {
        long start = System.nanoTime();
        try {
            journal.started(task.id(), DESTROY);
            listener.taskStarted(task.id(), List.of(DESTROY));
            var committed = parts.store().committed(task.id());
            task.destroy(new RunTaskContext(task.id(), journal, name -> inputOf(task, name),
                    () -> committed.map(TaskState::inputsFingerprint).orElse(""), committed, parts.backups(),
                    listener));
            parts.options().faults().afterRun(task.id());
            journal.succeeded(task.id(), null);
            listener.taskFinished(task.id(), Duration.ofNanos(System.nanoTime() - start));
            return Optional.empty();
        } catch (Throwable e) {
            journal.failed(task.id(), Failures.describe(e));
            listener.taskFailed(task.id(), Duration.ofNanos(System.nanoTime() - start), e);
            return Optional.of(TaskFailure.of(task.id(), e));
        }
    }

    private UnitResult failed(String unit, String runId, List<Task> order, List<TaskId> destroyed, TaskFailure failure,
            List<RecoveredRun> recovered, RunListener listener) {
        var left = order.stream().map(Task::id).filter(id -> !destroyed.contains(id)).toList();
        var problems = left.stream().map(id -> id + " (not destroyed)").toList();
        var report = new UndoReport(List.of(), left, problems);
        var summary = failure + "; destroy is not undone, nothing was committed; " + report.describe();
        parts.store().finishRun(runId, RunOutcome.ROLLBACK_INCOMPLETE, summary);
        listener.runFinished(unit, runId, RunOutcome.ROLLBACK_INCOMPLETE, summary);
        return new UnitResult.Finished(unit, runId, DESTROY, RunOutcome.ROLLBACK_INCOMPLETE, destroyed, List.of(),
                Optional.of(failure), report, recovered, summary);
    }

    /** Destroy reads values and upstream outputs as committed (trees give their root path). */
    private String inputOf(Task task, String name) {
        for (var input : task.inputs()) {
            if (input.name().equals(name)) {
                if (input instanceof Input.Value value) {
                    return value.value();
                }
                if (input instanceof Input.Tree tree) {
                    return tree.root().toString();
                }
                var upstream = (Input.Upstream) input;
                return parts.store().committed(upstream.task())
                        .map(state -> state.outputs().get(upstream.output()))
                        .map(output -> output.isTree() ? output.treeRoot() : output.value())
                        .orElseThrow(() -> new IllegalStateException("input '" + name + "' of " + task.id()
                                + " is unknown: " + upstream.task() + " has no committed output '"
                                + upstream.output() + "'"));
            }
        }
        throw new IllegalArgumentException("task " + task.id() + " has no input '" + name + "'");
    }
}
