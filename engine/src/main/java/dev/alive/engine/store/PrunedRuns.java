package dev.alive.engine.store;

/**
 * What one {@link StateStore#pruneRuns} call removed.
 *
 * @param runs run records
 * @param journalEntries journal lines of those runs
 * @param fileHashes file-hash cache rows below output trees that only those runs named
 * @param manifests tree manifests that no committed task state names any more
 */
public record PrunedRuns(int runs, int journalEntries, int fileHashes, int manifests) {

    public static final PrunedRuns NOTHING = new PrunedRuns(0, 0, 0, 0);
}
