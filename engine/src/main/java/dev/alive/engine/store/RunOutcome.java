package dev.alive.engine.store;

/** How a run of one unit ended. */
public enum RunOutcome {
    /** Still running, or its process died before it finished (then recovery undoes it). */
    RUNNING,
    /** Every task ran or was up to date; the task states were committed. */
    SUCCEEDED,
    /** A task failed and every task this run executed was undone; nothing was committed. */
    ROLLED_BACK,
    /** A task failed and at least one undo failed too: something is left for the operator. */
    ROLLBACK_INCOMPLETE,
    /** The run was found unfinished by a later run, which undid what it had done. */
    RECOVERED
}
