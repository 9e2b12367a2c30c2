package dev.alive.engine.fingerprint;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Hashes the contents of many files, in parallel on a pool when there is more than one. A file
 * that vanished before it could be read gets no hash (null).
 */
final class ContentHashing {

    private static final int FILES_PER_TASK = 4;

    private ContentHashing() {
    }

    /** The hex SHA-256 of each file, by position in {@code files}. */
    static String[] hashAll(List<TreeEntry> files, ForkJoinPool pool) {
        var hashes = new String[files.size()];
        if (files.size() <= 1) {
            new Range(files, hashes, 0, files.size()).compute();
        } else {
            pool.invoke(new Range(files, hashes, 0, files.size()));
        }
        return hashes;
    }

    static String hash(TreeEntry file) {
        try {
            return ContentHasher.forThisThread().sha256(file.path());
        } catch (NoSuchFileException vanished) {
            return null;
        } catch (IOException e) {
            throw new TreeFingerprintException(file.path(), e);
        }
    }

    private static final class Range extends RecursiveAction {

        private final List<TreeEntry> files;
        private final String[] hashes;
        private final int from;
        private final int to;

        Range(List<TreeEntry> files, String[] hashes, int from, int to) {
            this.files = files;
            this.hashes = hashes;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= FILES_PER_TASK) {
                for (var i = from; i < to; i++) {
                    hashes[i] = hash(files.get(i));
                }
                return;
            }
            var middle = (from + to) >>> 1;
            invokeAll(new Range(files, hashes, from, middle), new Range(files, hashes, middle, to));
        }
    }
}
