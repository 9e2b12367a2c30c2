package dev.alive.engine.store;

import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a run's journal, written as it happens so that a later process can tell what an
 * interrupted run did. Never holds a secret.
 *
 * @param sequence order within the run, from 1
 * @param kind what happened
 * @param key for UNDO_NOTE the note's key; otherwise null
 * @param detail the note's value, the failure message, or the reasons the task ran; may be null
 * @param pending for SUCCEEDED, the state to commit if the run succeeds; otherwise null
 */
public record JournalEntry(
        String runId,
        long sequence,
        TaskId taskId,
        Kind kind,
        String key,
        String detail,
        TaskState pending,
        Instant at) {

    public JournalEntry {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(kind, "kind");
    }

    public enum Kind {
        STARTED,
        UNDO_NOTE,
        SUCCEEDED,
        FAILED,
        UNDONE,
        UNDO_FAILED,
        SKIPPED
    }
}
