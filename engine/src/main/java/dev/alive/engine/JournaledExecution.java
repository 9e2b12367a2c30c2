package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.time.Duration;
import java.util.List;

/**
 * The one per-task sequence of every run kind: journal STARTED with the reasons, tell the listener,
 * run the task's action, let an injected fault strike, journal SUCCEEDED with the pending state,
 * tell the listener; on a failure journal FAILED and tell the listener, with the run's secrets
 * hidden from the failure ({@link Failures}). Never throws.
 */
final class JournaledExecution {

    /** The task's own work: its run, or its destroy. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws Exception;
    }

    /** The state to journal as pending once the action succeeded; null when the run commits none (destroy). */
    @FunctionalInterface
    interface Pending<T> {
        TaskState of(T result) throws Exception;
    }

    private final FaultInjection faults;

    JournaledExecution(FaultInjection faults) {
        this.faults = faults;
    }

    /** @param startNanos when the task's turn began (its check, if it had one), for the elapsed time */
    <T> TaskResult execute(TaskId task, List<String> reasons, long startNanos, Journal journal, RunListener listener,
            Failures failures, Action<T> action, Pending<T> pending) {
        try {
            journal.started(task, String.join("; ", reasons));
            listener.taskStarted(task, reasons);
            var result = action.run();
            faults.afterRun(task);
            var state = pending.of(result);
            journal.succeeded(task, state);
            listener.taskFinished(task, since(startNanos));
            return new TaskResult.Ran(task, state);
        } catch (Throwable e) {
            return failed(task, startNanos, journal, listener, failures, e, true);
        }
    }

    /**
     * Journals FAILED (a failing journal is added to the error) and tells the listener; both, and
     * the result, get the error with the run's secrets hidden.
     */
    static TaskResult.Failed failed(TaskId task, long startNanos, Journal journal, RunListener listener,
            Failures failures, Throwable caught, boolean executed) {
        var error = failures.safe(caught);
        try {
            journal.failed(task, failures.describe(error));
        } catch (RuntimeException journalError) {
            error.addSuppressed(journalError);
        }
        listener.taskFailed(task, since(startNanos), error);
        return new TaskResult.Failed(task, error, executed);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
