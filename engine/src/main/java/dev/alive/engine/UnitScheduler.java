package dev.alive.engine;

import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the tasks of one unit on the shared pool: a task is checked once all its dependencies
 * succeeded, on this unit's own thread, and only a task that must run takes a place in the pool (so
 * a fleet's thousands of up-to-date checks never queue before its builds). After a failure (or
 * when told to stop, or when the unit's lock is lost) nothing new is launched and the tasks still running are waited for. Also
 * A lost lock also interrupts the tasks running (see {@link HeldLock}). Also
 * serves this run's outputs to the checks of downstream tasks.
 */
final class UnitScheduler implements UpstreamOutputs {

    /** What happened: results in completion order; the first failure; whether tasks were left unlaunched. */
    record Outcome(List<TaskResult> results, Optional<TaskResult.Failed> failure, boolean stoppedEarly) {

        List<TaskId> executed() {
            return results.stream()
                    .filter(r -> r instanceof TaskResult.Ran || r instanceof TaskResult.Failed failed && failed.executed())
                    .map(TaskResult::task)
                    .toList();
        }
    }

    private final TaskGraph graph;
    private final List<Task> tasks;
    private final ExecutorService pool;
    private final AtomicBoolean stop;
    private final HeldLock lock;
    private final Map<TaskId, TaskState> states = new ConcurrentHashMap<>();

    UnitScheduler(TaskGraph graph, String unit, ExecutorService pool, AtomicBoolean stop, HeldLock lock) {
        this.graph = graph;
        this.lock = lock;
        this.tasks = graph.tasksOf(unit);
        this.pool = pool;
        this.stop = stop;
    }

    Outcome run(TaskStep step, RunScope scope, boolean failFast) {
        var waitingFor = new HashMap<TaskId, Integer>();
        var ready = new ArrayDeque<Task>();
        for (var task : tasks) {
            int dependencies = graph.dependencies(task.id()).size();
            waitingFor.put(task.id(), dependencies);
            if (dependencies == 0) {
                ready.add(task);
            }
        }
        BlockingQueue<TaskResult> finished = new LinkedBlockingQueue<>();
        var results = new ArrayList<TaskResult>();
        TaskResult.Failed failure = null;
        int running = 0;
        boolean interrupted = false;
        while (true) {
            while (failure == null && !stop.get() && !lock.isLost() && !interrupted && !ready.isEmpty()) {
                var task = ready.poll();
                var checked = checkSafely(step, task, scope);
                if (checked instanceof TaskStep.Checked.MustRun mustRun) {
                    pool.execute(() -> finished.add(lock.interruptedOnLoss(() -> runSafely(step, task, mustRun, scope))));
                } else {
                    finished.add(((TaskStep.Checked.Ended) checked).result());
                }
                running++;
            }
            if (running == 0) {
                break;
            }
            TaskResult result;
            try {
                result = finished.take();
            } catch (InterruptedException e) {
                interrupted = true;
                continue;
            }
            running--;
            results.add(result);
            if (result instanceof TaskResult.Failed failed) {
                failure = failure == null ? failed : failure;
                if (failFast) {
                    stop.set(true);
                }
                continue;
            }
            states.put(result.task(), stateOf(result));
            for (var dependent : graph.dependents(result.task())) {
                if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(graph.task(dependent));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Outcome(results, Optional.ofNullable(failure), results.size() < tasks.size());
    }

    @Override
    public Optional<TaskState.RecordedOutput> output(TaskId task, String name) {
        var state = states.get(task);
        if (state == null) {
            throw new IllegalStateException(task + " has not finished in this run");
        }
        var output = state.outputs().get(name);
        if (output == null) {
            throw new IllegalArgumentException(task + " has no output '" + name + "' (it has: "
                    + String.join(", ", state.outputs().keySet()) + ")");
        }
        return Optional.of(output);
    }

    private static TaskStep.Checked checkSafely(TaskStep step, Task task, RunScope scope) {
        try {
            return step.check(task, scope);
        } catch (Throwable e) {
            return new TaskStep.Checked.Ended(new TaskResult.Failed(task.id(), e, false));
        }
    }

    private static TaskResult runSafely(TaskStep step, Task task, TaskStep.Checked.MustRun checked, RunScope scope) {
        try {
            return step.run(task, checked, scope);
        } catch (Throwable e) {
            return new TaskResult.Failed(task.id(), e, true);
        }
    }

    private static TaskState stateOf(TaskResult result) {
        if (result instanceof TaskResult.Ran ran) {
            return ran.state();
        }
        return ((TaskResult.Skipped) result).state();
    }
}
