package dev.alive.engine;

import java.time.Duration;

/**
 * One task within a run: {@link #check} whether it is up to date (skipped, or a failed check), then,
 * on a worker thread, {@link #run} it: journal STARTED, run, record and journal the pending state
 * (or the failure). Never throws.
 */
final class TaskStep {

    private final UpToDateCheck check;
    private final OutputRecorder recorder;
    private final BackupDirs backups;
    private final FaultInjection faults;

    TaskStep(UpToDateCheck check, OutputRecorder recorder, BackupDirs backups, FaultInjection faults) {
        this.check = check;
        this.recorder = recorder;
        this.backups = backups;
        this.faults = faults;
    }

    /** What the check decided: the task must run (with its decision), or it ended already. */
    sealed interface Checked {
        record MustRun(Decision decision, long startNanos) implements Checked {
        }

        record Ended(TaskResult result) implements Checked {
        }
    }

    Checked check(Task task, RunScope scope) {
        long start = System.nanoTime();
        Decision decision;
        try {
            decision = check.decide(task, scope.upstream(), scope.forced().contains(task.id()), scope.committed(),
                    scope.lastAttempts(), scope.trees());
        } catch (Throwable e) {
            return new Checked.Ended(failed(task, scope, start, e, false));
        }
        if (!decision.mustRun()) {
            scope.listener().taskSkipped(task.id());
            return new Checked.Ended(new TaskResult.Skipped(task.id(), decision.committed().orElseThrow()));
        }
        return new Checked.MustRun(decision, start);
    }

    TaskResult run(Task task, Checked.MustRun checked, RunScope scope) {
        var decision = checked.decision();
        var start = checked.startNanos();
        try {
            scope.journal().started(task.id(), String.join("; ", decision.reasons()));
            scope.listener().taskStarted(task.id(), decision.reasons());
            var context = new RunTaskContext(task.id(), scope.journal(), decision.inputs()::value,
                    decision.inputs()::fingerprint,
                    decision.committed(), backups, scope.listener());
            var outputs = task.run(context);
            faults.afterRun(task.id());
            var state = recorder.record(task.id(), decision.inputs(), outputs, scope.journal().runId());
            scope.journal().succeeded(task.id(), state);
            scope.listener().taskFinished(task.id(), Duration.ofNanos(System.nanoTime() - start));
            return new TaskResult.Ran(task.id(), state);
        } catch (Throwable e) {
            return failed(task, scope, start, e, true);
        }
    }

    private static TaskResult failed(Task task, RunScope scope, long start, Throwable error, boolean executed) {
        try {
            scope.journal().failed(task.id(), Failures.describe(error));
        } catch (RuntimeException journalError) {
            error.addSuppressed(journalError);
        }
        scope.listener().taskFailed(task.id(), Duration.ofNanos(System.nanoTime() - start), error);
        return new TaskResult.Failed(task.id(), error, executed);
    }
}
