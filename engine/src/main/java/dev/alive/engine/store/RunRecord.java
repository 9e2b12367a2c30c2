package dev.alive.engine.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of one unit as the store keeps it.
 *
 * @param kind what the run did
 * @param summary a short human line (the failure, what was undone); never a secret
 */
public record RunRecord(
        String runId,
        String unit,
        RunKind kind,
        String host,
        long pid,
        Instant startedAt,
        Instant finishedAt,
        RunOutcome outcome,
        String summary) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
    }
}
