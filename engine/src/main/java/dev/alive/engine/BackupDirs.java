package dev.alive.engine;

import dev.alive.engine.task.TaskId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Run-scoped backup directories, {@code <workDir>/runs/<runId>/<task name>}, each level mode 0700.
 * The same path serves the run and, after a crash, the recovery that undoes it.
 */
final class BackupDirs {

    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Path runsDir;

    BackupDirs(Path workDir) {
        this.runsDir = workDir.resolve("runs");
    }

    /** The task's backup directory in that run, created (0700) if missing. */
    Path of(String runId, TaskId task) {
        var dir = runsDir.resolve(runId).resolve(task.name());
        try {
            createOwnerOnly(runsDir.getParent());
            createOwnerOnly(runsDir);
            createOwnerOnly(runsDir.resolve(runId));
            createOwnerOnly(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create backup directory " + dir, e);
        }
    }

    /** Deletes everything the run backed up (at commit, or once it was fully undone). */
    void deleteRun(String runId) {
        var dir = runsDir.resolve(runId);
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path visited, IOException failure) throws IOException {
                    Files.delete(visited);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete backup directory " + dir, e);
        }
    }

    /** As {@link #deleteRun}, for after a commit: a leftover directory must not undo a committed run. */
    void deleteRunQuietly(String runId) {
        try {
            deleteRun(runId);
        } catch (UncheckedIOException e) {
            // left for the operator; it holds nothing the committed state depends on
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, OWNER_ONLY);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another task of the run made it first
            }
        }
    }
}
