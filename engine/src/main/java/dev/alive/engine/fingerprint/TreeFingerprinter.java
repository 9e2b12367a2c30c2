package dev.alive.engine.fingerprint;

import dev.alive.engine.store.FileHashCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Fingerprints file trees with SHA-256. Each entry (file, directory, symlink; empty directories
 * included) is keyed by its '/'-separated path relative to the root and described by a digest line
 * of its type, permission bits and content: a file's content hash, the hash of a symlink's target
 * text (never followed); see {@link TreeEntry#digest}. A missing root is an empty tree; a root that
 * is a single file (or symlink) is a tree of that one entry, named by its file name.
 *
 * <p>The tree's fingerprint (format {@code alive-tree-v2}): the entries sorted by path are cut into
 * chunks of {@value #CHUNK_ENTRIES}; each chunk's SHA-256 covers its lines {@code path NUL digest
 * LF}; the fingerprint is the SHA-256 of {@code "alive-tree-v2\n"} followed by each chunk's hex
 * digest and LF. Chunks are digested in parallel: on an unchanged re-check, hashing the lines is
 * most of the work left once the file hashes come from the cache.
 *
 * <p>Content hashes come from the {@link FileHashCache} when a file's (path, size, mtime, inode,
 * ctime) are unchanged, unless its mtime lies within {@link #RACY_WINDOW} of the snapshot's start:
 * such a file could still change within the file system's timestamp resolution without its key
 * changing, so it is always re-read, and its hash is not cached.
 *
 * <p>A secret tree ({@link #secret}: files that hold secrets, such as an env file) is digested with
 * HMAC-SHA256 under the store's key instead: each file's content and symlink's target as {@code
 * hmac:<hex>} in its digest line, and the fingerprint is {@code hmac:} and the HMAC of the tree's
 * {@code alive-tree-v2} digest over those lines. Its files are neither looked up in nor put into
 * the file-hash cache, so no plain SHA-256 of their content is computed or stored anywhere; they
 * are re-read at every check (a secret tree is small).
 *
 * <p>Patterns are globs over relative paths, anchored at the root (see {@link
 * dev.alive.engine.task.Input.Tree}); a pattern that names a directory covers everything below it.
 * Excluded directories are not walked.
 */
public final class TreeFingerprinter {

    /** Files modified this recently before a snapshot starts are never taken from the cache. */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(1);

    /** Entries per chunk of the tree's fingerprint (chunks are digested in parallel). */
    static final int CHUNK_ENTRIES = 1024;

    /** A writer per thread, reused: a fleet fingerprints thousands of small trees. Always left empty. */
    private static final ThreadLocal<DigestWriter> WRITERS = ThreadLocal.withInitial(DigestWriter::new);

    private final FileHashCache cache;
    private final ForkJoinPool pool;
    private final Clock clock;
    /** Null for a plain tree. */
    private final byte[] secretKey;

    public TreeFingerprinter(FileHashCache cache) {
        this(cache, FingerprintPool.shared(), Clock.systemUTC());
    }

    TreeFingerprinter(FileHashCache cache, ForkJoinPool pool, Clock clock) {
        this(cache, pool, clock, null);
    }

    private TreeFingerprinter(FileHashCache cache, ForkJoinPool pool, Clock clock, byte[] secretKey) {
        this.cache = cache;
        this.pool = pool;
        this.clock = clock;
        this.secretKey = secretKey == null ? null : secretKey.clone();
    }

    /** A fingerprinter of secret trees: HMAC-SHA256 under {@code key}, no file-hash cache (see the class comment). */
    public static TreeFingerprinter secret(byte[] key) {
        return new TreeFingerprinter(FileHashCache.NONE, FingerprintPool.shared(), Clock.systemUTC(),
                Objects.requireNonNull(key, "key"));
    }

    /** Snapshots the tree at {@code root}; patterns as in {@link dev.alive.engine.task.Input.Tree}. */
    public TreeSnapshot snapshot(Path root, List<String> includes, List<String> excludes) {
        var racyAfterNanos = nanos(clock.instant().minus(RACY_WINDOW));
        var entries = entriesOf(root.toAbsolutePath(), new PathFilter(includes, excludes));

        var contentHashes = new String[entries.size()];
        var cached = new boolean[entries.size()];
        var digests = EntryDigests.compute(entries, contentHashes, cached,
                file -> isRacy(file, racyAfterNanos) ? null : cache.get(file.cacheKey()).orElse(null), secretKey, pool);

        var byPath = new TreeMap<String, String>();
        for (var i = 0; i < digests.length; i++) {
            var entry = entries.get(i);
            if (digests[i] == null) {
                continue; // vanished while we looked
            }
            byPath.put(entry.relativePath(), digests[i]);
            if (entry.isFile() && !cached[i] && !isRacy(entry, racyAfterNanos) && secretKey == null) {
                cache.put(entry.cacheKey(), contentHashes[i]);
            }
        }
        cache.flush();
        var fingerprint = treeFingerprint(byPath, pool);
        return new TreeSnapshot(secretKey == null ? fingerprint : Fingerprints.ofSecret(secretKey, fingerprint), byPath);
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
        return treeFingerprint(digests, FingerprintPool.shared());
    }

    /** As {@link #treeFingerprint(SortedMap)}, the chunks digested in parallel on {@code pool}. */
    static String treeFingerprint(SortedMap<String, String> digests, ForkJoinPool pool) {
        var paths = digests.keySet().toArray(String[]::new);
        var lines = digests.values().toArray(String[]::new);
        var chunkDigests = new String[(paths.length + CHUNK_ENTRIES - 1) / CHUNK_ENTRIES];
        var chunks = new ArrayList<ForkJoinTask<?>>();
        for (var chunk = 0; chunk < chunkDigests.length; chunk++) {
            var index = chunk;
            chunks.add(ForkJoinTask.adapt(() -> {
                chunkDigests[index] = chunkDigest(paths, lines, index * CHUNK_ENTRIES);
            }));
        }
        if (chunks.size() > 1) {
            pool.invoke(ForkJoinTask.adapt(() -> {
                ForkJoinTask.invokeAll(chunks);
            }));
        } else {
            chunks.forEach(ForkJoinTask::invoke); // none or one: no pool needed
        }
        var out = WRITERS.get().text("alive-tree-v2\n");
        for (var digest : chunkDigests) {
            out.text(digest).put('\n');
        }
        return out.hexDigest();
    }

    private static String chunkDigest(String[] paths, String[] lines, int from) {
        var out = WRITERS.get();
        for (var i = from; i < Math.min(paths.length, from + CHUNK_ENTRIES); i++) {
            out.text(paths[i]).put('\0').text(lines[i]).put('\n');
        }
        return out.hexDigest();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
