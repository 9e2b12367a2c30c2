package dev.alive.tasks.host;

import java.time.Instant;

/**
 * One entry of a folder, as the entry itself is (a symlink is a link, never its target).
 *
 * @param modified when the entry itself was last written
 */
public record FileEntry(String name, Kind kind, Instant modified) {

    public enum Kind { FILE, DIRECTORY, SYMLINK, OTHER }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}
