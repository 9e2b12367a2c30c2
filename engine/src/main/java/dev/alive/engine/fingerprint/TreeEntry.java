package dev.alive.engine.fingerprint;

import dev.alive.engine.store.FileHashCache;
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

    /**
     * The entry's digest line: type tag and permission bits in octal, then for a file the hash of
     * its content and for a symlink the hash of its target text, e.g. {@code f 644 <sha256>},
     * {@code d 755}, {@code l 777 <sha256>}. It never contains a newline or NUL.
     */
    String digest(String hash) {
        var head = stat.type().tag + " " + Integer.toOctalString(stat.permissions());
        return switch (stat.type()) {
            case FILE, SYMLINK -> head + " " + hash;
            case DIRECTORY, OTHER -> head;
        };
    }
}
