package dev.alive.engine;

import dev.alive.engine.task.Task;

/**
 * One task within an apply: {@link #check} whether it is up to date (skipped, or a failed check),
 * then, on a worker thread, {@link #run} it through the {@link JournaledExecution} and record its
 * pending state. Never throws.
 */
final class TaskStep {

    private final UpToDateCheck check;
    private final OutputRecorder recorder;
    private final BackupDirs backups;
    private final JournaledExecution execution;

    TaskStep(UpToDateCheck check, OutputRecorder recorder, BackupDirs backups, JournaledExecution execution) {
        this.check = check;
        this.recorder = recorder;
        this.backups = backups;
        this.execution = execution;
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
            return new Checked.Ended(JournaledExecution.failed(task.id(), start, scope.journal(), scope.listener(), scope.failures(), e,
                    false));
        }
        if (!decision.mustRun()) {
            scope.listener().taskSkipped(task.id());
            return new Checked.Ended(new TaskResult.Skipped(task.id(), decision.committed().orElseThrow()));
        }
        return new Checked.MustRun(decision, start);
    }

    TaskResult run(Task task, Checked.MustRun checked, RunScope scope) {
        var decision = checked.decision();
        var journal = scope.journal();
        var context = new RunTaskContext(task.id(), journal, decision.inputs()::value, decision.inputs()::fingerprint,
                decision.reasons(), decision.committed(), backups, scope.listener());
        return execution.execute(task.id(), decision.reasons(), checked.startNanos(), journal, scope.listener(),
                scope.failures(),
                () -> task.run(context),
                outputs -> recorder.record(task, decision.inputs(), outputs, journal.runId()));
    }
}
