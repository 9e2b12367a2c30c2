package dev.alive.engine.fingerprint;

import dev.alive.engine.FileHashCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One entry found by the walk: its relative path ('/'-separated), where it is, what lstat said,
 * and for a symlink its target text.
 */
record TreeEntry(String relativePath, Path path, FileStat stat, String linkTarget) {

    /** Reads the entry at {@code path} (lstat, and readlink for a symlink); null if it does not exist. */
    static TreeEntry read(Path path, String relativePath) {
        try {
            var stat = FileStat.of(path);
            if (stat == null) {
                return null;
            }
            var target = stat.type() == EntryType.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
            return new TreeEntry(relativePath, path, stat, target);
        } catch (NoSuchFileException vanished) {
            return null;
        } catch (IOException e) {
            throw new TreeFingerprintException(path, e);
        }
    }

    FileHashCache.Key cacheKey() {
        return stat.cacheKey(path);
    }

    boolean isFile() {
        return stat.type() == EntryType.FILE;
    }

    /** What the entry's digest covers: type, permission bits and content (hash or link target). */
    String describe(String contentSha256) {
        return stat.type().tag + " " + Integer.toOctalString(stat.permissions()) + " " + content(contentSha256);
    }

    /** The digest of {@link #describe}, written straight into {@code out}. */
    String digest(DigestWriter out, String contentSha256) {
        return out.put(stat.type().tag).put(' ').text(Integer.toOctalString(stat.permissions())).put(' ')
                .text(content(contentSha256)).hexDigest();
    }

    private String content(String contentSha256) {
        return switch (stat.type()) {
            case FILE -> contentSha256;
            case SYMLINK -> linkTarget;
            case DIRECTORY, OTHER -> "";
        };
    }
}
