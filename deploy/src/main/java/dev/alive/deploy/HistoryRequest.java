package dev.alive.deploy;

/** The site whose runs {@link HostOperations#history} lists, newest first, at most {@code limit}. */
public record HistoryRequest(String domain, int limit) {
}
