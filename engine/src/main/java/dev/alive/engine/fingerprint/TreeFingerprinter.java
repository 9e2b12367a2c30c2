package dev.alive.engine.fingerprint;

import dev.alive.engine.FileHashCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Fingerprints file trees with SHA-256. Each entry (file, directory, symlink; empty directories
 * included) is keyed by its '/'-separated path relative to the root and digested over its type,
 * permission bits and content: a file's content hash, a symlink's target text (never followed).
 * The tree's fingerprint covers the sorted entries. A missing root is an empty tree; a root that is
 * a single file (or symlink) is a tree of that one entry, named by its file name.
 *
 * <p>Content hashes come from the {@link FileHashCache} when a file's (path, size, mtime, inode,
 * ctime) are unchanged, unless its mtime lies within {@link #RACY_WINDOW} of the snapshot's start:
 * such a file could still change within the file system's timestamp resolution without its key
 * changing, so it is always re-read, and its hash is not cached.
 *
 * <p>Patterns are globs over relative paths, anchored at the root (see {@link
 * dev.alive.engine.Input.Tree}); a pattern that names a directory covers everything below it.
 * Excluded directories are not walked.
 */
public final class TreeFingerprinter {

    /** Files modified this recently before a snapshot starts are never taken from the cache. */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(1);

    private final FileHashCache cache;
    private final ForkJoinPool pool;
    private final Clock clock;

    public TreeFingerprinter(FileHashCache cache) {
        this(cache, FingerprintPool.shared(), Clock.systemUTC());
    }

    TreeFingerprinter(FileHashCache cache, ForkJoinPool pool, Clock clock) {
        this.cache = cache;
        this.pool = pool;
        this.clock = clock;
    }

    /** Snapshots the tree at {@code root}; patterns as in {@link dev.alive.engine.Input.Tree}. */
    public TreeSnapshot snapshot(Path root, List<String> includes, List<String> excludes) {
        var racyAfterNanos = nanos(clock.instant().minus(RACY_WINDOW));
        var entries = entriesOf(root.toAbsolutePath(), new PathFilter(includes, excludes));

        var digests = new TreeMap<String, String>();
        var toHash = new ArrayList<TreeEntry>();
        var describer = ContentHasher.forThisThread();
        for (var entry : entries) {
            if (!entry.isFile()) {
                digests.put(entry.relativePath(), describer.sha256(entry.describe(null)));
                continue;
            }
            var cached = isRacy(entry, racyAfterNanos) ? null : cache.get(entry.stat().cacheKey(entry.path())).orElse(null);
            if (cached == null) {
                toHash.add(entry);
            } else {
                digests.put(entry.relativePath(), describer.sha256(entry.describe(cached)));
            }
        }

        var hashes = ContentHashing.hashAll(toHash, pool);
        for (var i = 0; i < hashes.length; i++) {
            var entry = toHash.get(i);
            if (hashes[i] == null) {
                continue; // vanished while we looked
            }
            if (!isRacy(entry, racyAfterNanos)) {
                cache.put(entry.stat().cacheKey(entry.path()), hashes[i]);
            }
            digests.put(entry.relativePath(), describer.sha256(entry.describe(hashes[i])));
        }
        cache.flush();
        return new TreeSnapshot(treeFingerprint(digests), digests);
    }

    private List<TreeEntry> entriesOf(Path root, PathFilter filter) {
        var rootEntry = TreeEntry.read(root, "");
        if (rootEntry == null) {
            return List.of();
        }
        if (rootEntry.stat().type() == EntryType.DIRECTORY) {
            return new TreeWalker(filter, pool).walk(root);
        }
        var name = root.getFileName().toString();
        return filter.includes(name)
                ? List.of(new TreeEntry(name, root, rootEntry.stat(), rootEntry.linkTarget()))
                : List.of();
    }

    private static boolean isRacy(TreeEntry file, long racyAfterNanos) {
        return file.stat().mtimeNanos() >= racyAfterNanos;
    }

    /** The fingerprint of a whole tree from its entry digests (by relative path). */
    static String treeFingerprint(SortedMap<String, String> digests) {
        var text = new StringBuilder(64 + digests.size() * 100).append("alive-tree-v1\n");
        digests.forEach((path, digest) -> text.append(path).append('\0').append(digest).append('\n'));
        return Fingerprints.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
