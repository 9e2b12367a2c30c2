package dev.alive.tasks.site;

import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.UndoContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Undo for a task that replaces one file: before the change, the file is copied into the run's
 * backup folder (0700) and the note names the copy, or the note says there was no file. Secrets in
 * the file stay in the file system, never in the journal.
 */
final class FileBackup {

    private FileBackup() {
    }

    /** Call before replacing {@code file}. */
    static void before(TaskContext context, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            var backup = context.backupDir().resolve(file.getFileName() + ".backup");
            Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            context.recordUndo("backup", backup.toString());
        } else {
            context.recordUndo("absent", file.toString());
        }
    }

    /** Puts {@code file} back as it was; returns whether anything changed. */
    static boolean restore(UndoContext context, Path file) throws IOException {
        var backup = context.notes().get("backup");
        if (backup != null && Files.exists(Path.of(backup))) {
            Files.move(Path.of(backup), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
        if (context.notes().containsKey("absent")) {
            return Files.deleteIfExists(file);
        }
        return false;
    }
}
