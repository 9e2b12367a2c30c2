package dev.alive.engine.fingerprint;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Computes the digest of every entry, in parallel on a pool: looks up the content hash of files
 * not known yet, reads and hashes those still unknown (filling them in), then digests type, mode
 * and content. An entry that vanished before it could be read gets no digest (null). With a key
 * (a secret tree) contents and symlink targets are digested with HMAC-SHA256 under it instead, as
 * {@code hmac:<hex>}, and nothing is asked of {@code known}.
 */
final class EntryDigests {

    private static final int ENTRIES_PER_TASK = 16;

    /** Where content hashes may be known from (a cache): null when unknown. Asked from pool threads. */
    interface KnownHashes {
        String of(TreeEntry file);
    }

    private EntryDigests() {
    }

    /**
     * The digest of each entry, by position; {@code contentHashes} holds the known content hashes
     * of files (null where unknown) and receives the ones computed here.
     */
    static String[] compute(List<TreeEntry> entries, String[] contentHashes, ForkJoinPool pool) {
        return compute(entries, contentHashes, new boolean[entries.size()], file -> null, pool);
    }

    /**
     * As {@link #compute(List, String[], ForkJoinPool)}, asking {@code known} first for each file
     * whose hash is not given; {@code fromKnown} marks the files {@code known} answered.
     */
    static String[] compute(List<TreeEntry> entries, String[] contentHashes, boolean[] fromKnown, KnownHashes known,
            ForkJoinPool pool) {
        return compute(entries, contentHashes, fromKnown, known, null, pool);
    }

    /** As above; a non-null {@code secretKey} digests with HMAC-SHA256 under it and never asks {@code known}. */
    static String[] compute(List<TreeEntry> entries, String[] contentHashes, boolean[] fromKnown, KnownHashes known,
            byte[] secretKey, ForkJoinPool pool) {
        var digests = new String[entries.size()];
        var all = new Range(entries, contentHashes, fromKnown, secretKey == null ? known : file -> null, secretKey,
                digests, 0, entries.size());
        if (entries.size() <= ENTRIES_PER_TASK) {
            all.compute();
        } else {
            pool.invoke(all);
        }
        return digests;
    }

    private static final class Range extends RecursiveAction {

        private final List<TreeEntry> entries;
        private final String[] contentHashes;
        private final boolean[] fromKnown;
        private final KnownHashes known;
        private final byte[] secretKey;
        private final String[] digests;
        private final int from;
        private final int to;

        Range(List<TreeEntry> entries, String[] contentHashes, boolean[] fromKnown, KnownHashes known, byte[] secretKey,
                String[] digests, int from, int to) {
            this.entries = entries;
            this.contentHashes = contentHashes;
            this.fromKnown = fromKnown;
            this.known = known;
            this.secretKey = secretKey;
            this.digests = digests;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > ENTRIES_PER_TASK) {
                var middle = (from + to) >>> 1;
                invokeAll(new Range(entries, contentHashes, fromKnown, known, secretKey, digests, from, middle),
                        new Range(entries, contentHashes, fromKnown, known, secretKey, digests, middle, to));
                return;
            }
            var hasher = ContentHasher.forThisThread();
            for (var i = from; i < to; i++) {
                var entry = entries.get(i);
                if (entry.isFile() && contentHashes[i] == null) {
                    contentHashes[i] = known.of(entry);
                    fromKnown[i] = contentHashes[i] != null;
                }
                if (entry.isFile() && contentHashes[i] == null) {
                    contentHashes[i] = contentHash(hasher, entry);
                    if (contentHashes[i] == null) {
                        continue; // vanished
                    }
                }
                digests[i] = entry.digest(entry.isFile() ? contentHashes[i] : targetHash(entry));
            }
        }

        private String targetHash(TreeEntry entry) {
            if (entry.linkTarget() == null) {
                return null;
            }
            return secretKey == null ? Fingerprints.ofValue(entry.linkTarget())
                    : Fingerprints.ofSecret(secretKey, entry.linkTarget());
        }

        private String contentHash(ContentHasher hasher, TreeEntry file) {
            try {
                return secretKey == null ? hasher.sha256(file.path())
                        : Fingerprints.marked(hasher.hmac(secretKey, file.path()));
            } catch (NoSuchFileException vanished) {
                return null;
            } catch (IOException e) {
                throw new TreeFingerprintException(file.path(), e);
            }
        }
    }
}
