package dev.alive.deploy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/** One run of a site, by its id ({@code alive history} lists them): for its events or its output. */
public record RunLogRequest(String domain, String runId) {
    public RunLogRequest {
        if (runId == null || runId.isBlank()) {
            throw new AliveException(ErrorCategory.USAGE, "a run id is needed (alive history " + domain
                    + " lists the runs of the site)");
        }
    }
}
