package dev.alive.engine;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Input;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The body of a destroy run: {@link Task#destroy} of each task of the unit in reverse topological
 * order, then a commit that drops every committed state of the unit. Destroy cannot be undone: the
 * first failure stops the walk and the run ends ROLLBACK_INCOMPLETE, committing nothing.
 */
final class DestroyBody implements RunBody {

    private static final List<String> REASONS = List.of(RunKind.DESTROY.label());

    private final StateStore store;
    private final BackupDirs backups;
    private final JournaledExecution execution;

    DestroyBody(StateStore store, BackupDirs backups, JournaledExecution execution) {
        this.store = store;
        this.backups = backups;
        this.execution = execution;
    }

    @Override
    public RunKind kind() {
        return RunKind.DESTROY;
    }

    @Override
    public RunWork perform(OpenRun run) {
        var destroyed = new ArrayList<TaskId>();
        for (var task : reverseOrder(run)) {
            if (run.lock().isLost()) {
                return new RunWork.Stopped(destroyed, List.of(), destroyed, Optional.empty(), "the unit's lock was lost");
            }
            if (run.lock().interruptedOnLoss(() -> destroy(task, run)) instanceof TaskResult.Failed failed) {
                var failure = run.failures().of(failed.task(), failed.error());
                return new RunWork.Stopped(destroyed, List.of(), destroyed, Optional.of(failure),
                        failure.toString());
            }
            destroyed.add(task.id());
        }
        var committed = store.committedUnit(run.unit()).keySet();
        var notInGraph = committed.stream().filter(id -> !run.graph().contains(id)).toList();
        var summary = "destroyed " + destroyed.size() + " tasks" + (notInGraph.isEmpty() ? ""
                : "; dropped the state of " + notInGraph + ", which are no longer in the graph and were not destroyed");
        return new RunWork.Done(destroyed, List.of(), List.of(), committed, summary);
    }

    @Override
    public Closing close(OpenRun run, RunWork.Stopped work) {
        var left = reverseOrder(run).stream().map(Task::id).filter(id -> !work.ran().contains(id)).toList();
        var problems = left.stream().map(id -> id + " (not destroyed)").toList();
        var report = new UndoReport(List.of(), left, problems);
        return new Closing(RunOutcome.ROLLBACK_INCOMPLETE, report,
                work.problem() + "; destroy is not undone, nothing was committed; " + report.describe());
    }

    private static List<Task> reverseOrder(OpenRun run) {
        var order = new ArrayList<>(run.graph().tasksOf(run.unit()));
        Collections.reverse(order);
        return order;
    }

    private TaskResult destroy(Task task, OpenRun run) {
        return execution.execute(task.id(), REASONS, System.nanoTime(), run.journal(), run.listener(), run.failures(), () -> {
            var committed = store.committed(task.id());
            task.destroy(new RunTaskContext(task.id(), run.journal(), name -> inputOf(task, name),
                    () -> committed.map(TaskState::inputsFingerprint).orElse(""), REASONS, committed, backups, run.listener()));
            return null;
        }, nothing -> null);
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
                return store.committed(upstream.task())
                        .map(state -> state.outputs().get(upstream.output()))
                        .map(output -> output.isTree() ? output.treeRoot() : output.value())
                        .orElseThrow(() -> new AliveException(ErrorCategory.FAILED, "input '" + name + "' of "
                                + task.id() + " is unknown: " + upstream.task() + " has no committed output '"
                                + upstream.output() + "'; apply the unit until it succeeds, then destroy it"));
            }
        }
        throw new IllegalArgumentException("task " + task.id() + " has no input '" + name + "'");
    }
}
