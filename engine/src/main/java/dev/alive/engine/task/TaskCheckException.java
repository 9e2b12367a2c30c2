package dev.alive.engine.task;

/** The engine could not decide whether a task must run (an input could not be read, for example). */
public final class TaskCheckException extends RuntimeException {

    private final TaskId task;

    public TaskCheckException(TaskId task, String problem) {
        this(task, problem, null);
    }

    public TaskCheckException(TaskId task, String problem, Throwable cause) {
        super("cannot check " + task + ": " + problem, cause);
        this.task = task;
    }

    public TaskId task() {
        return task;
    }
}
