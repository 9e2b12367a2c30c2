package dev.alive.engine;

import dev.alive.engine.store.JournalEntry.Kind;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.engine.task.TaskState;
import java.time.Clock;

/** Appends to one run's journal with consecutive sequence numbers; each entry is durable when append returns. */
final class Journal {

    private final StateStore store;
    private final String runId;
    private final Clock clock;
    private long sequence;

    private Journal(StateStore store, String runId, Clock clock, long lastSequence) {
        this.store = store;
        this.runId = runId;
        this.clock = clock;
        this.sequence = lastSequence;
    }

    static Journal fresh(StateStore store, String runId, Clock clock) {
        return new Journal(store, runId, clock, 0);
    }

    /** Continues the journal of an earlier run (recovery appends its undos there). */
    static Journal continuing(StateStore store, String runId, Clock clock) {
        var last = store.journal(runId).stream().mapToLong(JournalEntry::sequence).max().orElse(0);
        return new Journal(store, runId, clock, last);
    }

    String runId() {
        return runId;
    }

    void started(TaskId task, String reasons) {
        append(task, Kind.STARTED, null, reasons, null);
    }

    void undoNote(TaskId task, String key, String value) {
        append(task, Kind.UNDO_NOTE, key, value, null);
    }

    void succeeded(TaskId task, TaskState pending) {
        append(task, Kind.SUCCEEDED, null, null, pending);
    }

    void failed(TaskId task, String message) {
        append(task, Kind.FAILED, null, message, null);
    }

    void undone(TaskId task) {
        append(task, Kind.UNDONE, null, null, null);
    }

    void undoFailed(TaskId task, String message) {
        append(task, Kind.UNDO_FAILED, null, message, null);
    }

    private synchronized void append(TaskId task, Kind kind, String key, String detail, TaskState pending) {
        sequence++;
        store.appendJournal(new JournalEntry(runId, sequence, task, kind, key, detail, pending, clock.instant()));
    }
}
