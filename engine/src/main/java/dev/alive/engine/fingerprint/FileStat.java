package dev.alive.engine.fingerprint;

import dev.alive.engine.store.FileHashCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * What {@code lstat} says about one path: its type, permission bits and the identity of its
 * content version (size, mtime, inode, ctime).
 */
record FileStat(EntryType type, int permissions, long size, long mtimeNanos, long inode, long ctimeNanos) {

    /**
     * Only the attributes needed: {@code unix:*} would also resolve owner and group names, a
     * passwd lookup per file.
     */
    private static final String ATTRIBUTES = "unix:mode,ino,size,lastModifiedTime,ctime";
    private static final int PERMISSION_BITS = 07777;

    /** Reads the attributes of {@code path} without following a symlink; null if it does not exist. */
    static FileStat of(Path path) throws IOException {
        java.util.Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return null;
        }
        var mode = (Integer) attributes.get("mode");
        return new FileStat(
                EntryType.ofMode(mode),
                mode & PERMISSION_BITS,
                (Long) attributes.get("size"),
                nanos(attributes.get("lastModifiedTime")),
                (Long) attributes.get("ino"),
                nanos(attributes.get("ctime")));
    }

    FileHashCache.Key cacheKey(Path path) {
        return new FileHashCache.Key(path.toString(), size, mtimeNanos, inode, ctimeNanos);
    }

    private static long nanos(Object fileTime) {
        return ((FileTime) fileTime).to(TimeUnit.NANOSECONDS);
    }
}
