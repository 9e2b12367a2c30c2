package dev.alive.engine.task;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/**
 * The engine could not decide whether a task must run (an input could not be read, for example);
 * the run fails ({@link ErrorCategory#FAILED}) and is rolled back.
 */
public final class TaskCheckException extends AliveException {
    private static final long serialVersionUID = 1L;

    private final transient TaskId task;

    public TaskCheckException(TaskId task, String problem) {
        this(task, problem, null);
    }

    public TaskCheckException(TaskId task, String problem, Throwable cause) {
        super(ErrorCategory.FAILED, "cannot check " + task + ": " + problem, cause);
        this.task = task;
    }

    public TaskId task() {
        return task;
    }
}
