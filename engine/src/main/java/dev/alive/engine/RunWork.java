package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What a {@link RunBody} did: ready to commit, or stopped with a problem. */
sealed interface RunWork {

    /** Tasks executed (for destroy: destroyed), in completion order. */
    List<TaskId> ran();

    /** Tasks found up to date. */
    List<TaskId> skipped();

    /** Every task ran or was up to date: commit {@code pending}, drop the states of {@code removed}. */
    record Done(List<TaskId> ran, List<TaskId> skipped, List<TaskState> pending, Collection<TaskId> removed,
            String summary) implements RunWork {

        /** The same work, stopped because its commit failed: what it ran is to be undone. */
        Stopped notCommitted(String problem) {
            return new Stopped(ran, skipped, ran, Optional.empty(), problem);
        }
    }

    /**
     * The run cannot commit.
     *
     * @param executed tasks whose run started, so that they must be undone
     * @param failure the task failure that stopped it, if one did
     * @param problem one line saying why it stopped
     */
    record Stopped(List<TaskId> ran, List<TaskId> skipped, List<TaskId> executed, Optional<TaskFailure> failure,
            String problem) implements RunWork {
    }
}
