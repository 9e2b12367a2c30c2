package dev.alive.deploy;

import dev.alive.deploy.document.Document;
import dev.alive.engine.store.RunLog;
import dev.alive.engine.store.RunRecord;
import java.util.List;
import java.util.Locale;

/**
 * The install and build output of one run, as the state store keeps it (secrets hidden, the run's
 * last {@link RunLog#MAX_LINES} lines, at most {@link RunLog#MAX_BYTES} bytes); also the run log
 * document. {@code droppedLines} earlier lines were not kept.
 */
public record RunLogResult(String site, String runId, String kind, String outcome, long droppedLines,
                           List<Line> lines) implements Document {

    /** One output line and the task that printed it. */
    public record Line(String task, String text) {
    }

    static RunLogResult of(RunRecord run, RunLog log) {
        return new RunLogResult(run.unit(), run.runId(), run.kind().label(),
                run.outcome().name().toLowerCase(Locale.ROOT), log.droppedLines(),
                log.lines().stream().map(line -> new Line(line.task().name(), line.text())).toList());
    }
}
