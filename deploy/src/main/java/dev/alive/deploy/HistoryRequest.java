package dev.alive.deploy;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;

/** Which site's runs {@link HostOperations#history} lists, newest first, and at most how many (1 or more). */
public record HistoryRequest(String domain, int limit) {
    public HistoryRequest {
        if (limit < 1) {
            throw new AliveException(ErrorCategory.USAGE, "the history limit must be at least 1, not " + limit);
        }
    }
}
