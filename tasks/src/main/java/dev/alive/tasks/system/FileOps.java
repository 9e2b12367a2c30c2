package dev.alive.tasks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * File operations the JDK lacks as one call: atomic writes with an exact mode (and owner),
 * atomic symlink swaps, ownership changes and reading a file's tail. Tree copies and deletes are
 * in {@link FileTrees}. Failures are {@link UncheckedIOException}s naming the path.
 */
public final class FileOps {
    private static final int TAIL_BYTES = 64 * 1024;

    private FileOps() {
    }

    /** {@link #writeAtomically(Path, byte[], String, int, int)} keeping the current user as owner. */
    public static void writeAtomically(Path target, byte[] content, String mode) {
        writeAtomically(target, content, mode, -1, -1);
    }

    /**
     * Writes {@code content} to a temporary file next to {@code target} that already has the exact
     * {@code mode} (e.g. {@code "rw-r-----"}, umask ignored) and owner, syncs it, then renames it
     * over {@code target}: readers see the old file or the new one, never a partial or wider one.
     *
     * @param uid the owner to give, or -1 to keep; {@code gid} likewise
     */
    public static void writeAtomically(Path target, byte[] content, String mode, int uid, int gid) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                chown(temp, uid, gid);
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(mode));
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    out.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Points {@code link} at {@code target} in one rename: a new symlink is made next to it and
     * renamed over it, so {@code link} always exists and points at the old or the new target.
     * {@code target} is stored as given (relative targets resolve against the link's folder).
     */
    public static void swapSymlink(Path link, Path target) {
        Path temp = link.toAbsolutePath().resolveSibling("." + link.getFileName() + "." + UUID.randomUUID() + ".swap");
        try {
            Files.createSymbolicLink(temp, target);
            try {
                Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + link + " at " + target, e);
        }
    }

    /** Changes owner and group of {@code path} itself (never a symlink's target); -1 keeps one. */
    public static void chown(Path path, int uid, int gid) {
        try {
            if (uid >= 0) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            }
            if (gid >= 0) {
                Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot chown " + path + " to " + uid + ":" + gid, e);
        }
    }

    /** The last {@code n} lines of a text file (from its last 64 KiB); empty when it does not exist. */
    public static List<String> lastLines(Path file, int n) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            long from = Math.max(0, size - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
            while (buffer.hasRemaining() && in.read(buffer, from + buffer.position()) >= 0) {
                // keep reading until the tail is in
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> lines = Arrays.asList(text.split("\r?\n", -1));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines = lines.subList(0, lines.size() - 1);
            }
            if (from > 0 && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size());
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
