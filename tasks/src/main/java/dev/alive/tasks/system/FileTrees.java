package dev.alive.tasks.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Whole-tree file operations: copy with excludes preserving modes, delete, chown. Symlinks are
 * copied, deleted and chowned as links, never followed; sockets, fifos and devices are skipped.
 */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * An exclude rule: any file or folder whose name is in {@code namesAnywhere} (e.g.
     * node_modules, .git), and the paths in {@code relativePaths} (e.g. dist) from the tree's top.
     */
    public static Predicate<Path> excluding(Set<String> namesAnywhere, Set<String> relativePaths) {
        Set<Path> paths = relativePaths.stream().map(p -> Path.of(p).normalize()).collect(Collectors.toSet());
        return relative -> paths.contains(relative.normalize())
                || (relative.getFileName() != null && namesAnywhere.contains(relative.getFileName().toString()));
    }

    /**
     * Copies {@code from} into {@code to} (created; must not exist) with file and folder modes and
     * times preserved, skipping what {@code excluded} accepts (given the path relative to {@code from}).
     */
    public static void copy(Path from, Path to, Predicate<Path> excluded) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path relative = from.relativize(dir);
                    if (!relative.toString().isEmpty() && excluded.test(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectory(to.resolve(relative.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path relative = from.relativize(file);
                    Path target = to.resolve(relative.toString());
                    if (excluded.test(relative)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                    } else if (attrs.isRegularFile()) {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Path target = to.resolve(from.relativize(dir).toString());
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
                    Files.setLastModifiedTime(target, Files.getLastModifiedTime(dir));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Deletes {@code root} and everything below it; nothing happens when it does not exist. */
    public static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null && !(failure instanceof NoSuchFileException)) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Gives {@code root} and everything below it to {@code uid:gid}. */
    public static void chown(Path root, int uid, int gid) {
        try (var paths = Files.walk(root)) {
            paths.forEach(path -> FileOps.chown(path, uid, gid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot chown " + root, e);
        }
    }
}
