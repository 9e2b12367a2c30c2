package dev.alive.tasks.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of a machine. Queries follow symlinks unless they say otherwise; changes never follow
 * a symlink at the path they change. Failures are {@link java.io.UncheckedIOException}s naming the
 * path.
 */
public interface MachineFiles {

    /** Whether something is at {@code path} (a symlink counts when its target exists). */
    boolean exists(Path path);

    boolean isDirectory(Path path);

    boolean isRegularFile(Path path);

    /** What the symlink at {@code link} points at, as stored; empty when it is no symlink or missing. */
    Optional<Path> readLink(Path link);

    /** The file's text (UTF-8); empty when it does not exist. */
    Optional<String> read(Path file);

    /** The last {@code lines} lines of a text file; empty when it does not exist. */
    List<String> lastLines(Path file, int lines);

    /** The entries of a folder, sorted by name; empty when it does not exist. */
    List<FileEntry> list(Path dir);

    /**
     * Writes {@code content} to a temporary file next to {@code file} that already has the given
     * mode and owner, syncs it, then renames it over {@code file}: readers see the old file or the
     * new one, never a partial or wider one. The folder must exist.
     */
    void write(Path file, byte[] content, FileAccess access);

    /** Creates the folder and its missing parents (alive's user, default mode). */
    void makeDirectories(Path dir);

    /**
     * Creates the folder and its missing parents, and gives the folder itself {@code access}, also
     * when it was there already: a folder made by someone else converges to what alive makes.
     */
    void makeDirectories(Path dir, FileAccess access);

    /** Copies one file over {@code to} (replaced), with its mode, owner where allowed, and times. */
    void copyFile(Path from, Path to);

    /**
     * Copies the tree at {@code from} to {@code to} (created; must not exist) with modes and times
     * preserved, symlinks copied as links, what {@code excludes} names left out.
     */
    void copyTree(Path from, Path to, TreeExcludes excludes);

    /** Renames {@code from} to {@code to} in one step, replacing a file at {@code to}. */
    void moveAtomically(Path from, Path to);

    /**
     * Points {@code link} at {@code target} in one rename (stored as given; a relative target
     * resolves against the link's folder): the link always exists, pointing at the old or new target.
     */
    void symlink(Path link, Path target);

    /** Removes the file, symlink (never its target) or empty folder; false when nothing was there. */
    boolean remove(Path path);

    /**
     * Removes {@code path} and, when it is a folder, everything below it (links as links, never
     * followed); false when nothing was there.
     */
    boolean removeTree(Path path);

    /** Gives {@code root} and everything below it (links themselves) to {@code uid:gid}; -1 keeps one. */
    void ownTree(Path root, int uid, int gid);

    /** Narrows a tree: folders become 0750; files lose group write and every permission for others. */
    void restrictTree(Path root);
}
