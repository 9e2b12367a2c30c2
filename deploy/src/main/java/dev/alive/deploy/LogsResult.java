package dev.alive.deploy;

/** What {@link HostOperations#logs} read: from where ({@code source}: a unit's journal, a file), and how many lines it passed on. */
public record LogsResult(String site, String source, long lines) {
}
