package dev.alive.engine.store;

import java.util.Optional;

/**
 * Remembers content hashes of files keyed by what the file system says about them, so an
 * unchanged tree can be checked without reading its files. {@link #get} is called from several
 * threads at once (a tree's files are looked up in parallel).
 */
public interface FileHashCache {

    /** The identity of one file version: any change of these means the content must be re-read. */
    record Key(String path, long size, long mtimeNanos, long inode, long ctimeNanos) {
    }

    Optional<String> get(Key key);

    void put(Key key, String sha256);

    /** Persists what was put since the last flush (a no-op for memory-only caches). */
    void flush();

    /**
     * Removes what the cache holds for {@code root} and every path below it, at once (not at the
     * next flush): for a tree whose content hashes must not be kept, such as a secret output that
     * an older version of alive cached plainly.
     */
    default void forget(String root) {
    }

    /** A cache that remembers nothing. */
    FileHashCache NONE = new FileHashCache() {
        @Override
        public Optional<String> get(Key key) {
            return Optional.empty();
        }

        @Override
        public void put(Key key, String sha256) {
        }

        @Override
        public void flush() {
        }
    };
}
