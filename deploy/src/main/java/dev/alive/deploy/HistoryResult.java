package dev.alive.deploy;

import dev.alive.deploy.document.Document;
import dev.alive.engine.store.JournalEntry;
import dev.alive.engine.store.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The runs of a site, newest first; also the history document. */
public record HistoryResult(String site, List<Run> runs) implements Document {

    /** One run and its journal (undo notes left out); {@code finishedAt} and {@code summary} may be null. */
    public record Run(String runId, String kind, String outcome, String startedAt, String finishedAt, String summary,
                      List<Event> events) {

        static Run of(RunRecord run, List<JournalEntry> journal) {
            var events = new ArrayList<Event>();
            for (var entry : journal) {
                if (entry.kind() != JournalEntry.Kind.UNDO_NOTE) {
                    events.add(new Event(entry.taskId().name(), entry.kind().name().toLowerCase(Locale.ROOT),
                            entry.detail()));
                }
            }
            return new Run(run.runId(), run.kind().label(), run.outcome().name().toLowerCase(Locale.ROOT),
                    String.valueOf(run.startedAt()), run.finishedAt() == null ? null : run.finishedAt().toString(),
                    run.summary(), List.copyOf(events));
        }
    }

    /** One journal entry of a task: started, finished, failed, undone...; {@code detail} may be null. */
    public record Event(String task, String event, String detail) {
    }
}
