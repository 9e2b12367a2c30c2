package dev.alive.deploy;

import dev.alive.deploy.document.Document;
import dev.alive.engine.store.RunRecord;
import dev.alive.state.Domains;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sites {@link HostOperations#status} found; also the status document. */
public record StatusResult(List<SiteStatus> sites) implements Document {

    /** One site: its row in the state store and its last run (the last-run fields are null before any). */
    public record SiteStatus(String domain, String host, int port, String status, String release, String lastRun,
                             String lastOutcome, String lastRunAt) {

        static SiteStatus of(Domains.Domain domain, Optional<RunRecord> last) {
            return new SiteStatus(domain.hostname(), domain.host(), domain.port(), domain.status(),
                    domain.currentRelease(), last.map(RunRecord::runId).orElse(null),
                    last.map(run -> run.outcome().name().toLowerCase(Locale.ROOT)).orElse(null),
                    last.map(run -> String.valueOf(run.startedAt())).orElse(null));
        }
    }
}
