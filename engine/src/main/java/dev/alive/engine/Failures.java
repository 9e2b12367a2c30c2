package dev.alive.engine;

import dev.alive.engine.secret.SecretRedaction;
import dev.alive.engine.task.TaskId;

/**
 * How a run turns a failure into what it journals, summarizes, tells its listener and returns:
 * with the run's secrets ({@link ApplyOptions#secrets()}) hidden. Every caught failure of a run
 * passes through here once, where it is caught; what is built from it afterwards is safe.
 */
final class Failures {

    static final Failures NONE = new Failures(SecretRedaction.NONE);

    private final SecretRedaction secrets;

    Failures(SecretRedaction secrets) {
        this.secrets = secrets;
    }

    /** The error as the run passes it on: itself, or a copy with every secret hidden. */
    Throwable safe(Throwable error) {
        return secrets.hideIn(error);
    }

    /** One line (or a few) describing the failure, secrets hidden, for journals, summaries and results. */
    String describe(Throwable error) {
        var message = safe(error).getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    /** The task's failure as its run's result carries it. */
    TaskFailure of(TaskId task, Throwable error) {
        var safe = safe(error);
        return new TaskFailure(task, describe(safe), safe);
    }
}
