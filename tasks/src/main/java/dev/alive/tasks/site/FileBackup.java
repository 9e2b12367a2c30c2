package dev.alive.tasks.site;

import dev.alive.engine.task.TaskContext;
import dev.alive.engine.task.UndoContext;
import dev.alive.tasks.host.MachineFiles;
import java.nio.file.Path;

/**
 * Undo for a task that replaces one file: before the change, the file is copied into the run's
 * backup folder (0700) and the note names the copy, or the note says there was no file. Secrets in
 * the file stay in the file system, never in the journal.
 */
final class FileBackup {

    private FileBackup() {
    }

    /** Call before replacing {@code file}. */
    static void before(TaskContext context, MachineFiles files, Path file) {
        files.makeDirectories(file.getParent());
        if (files.exists(file)) {
            var backup = context.backupDir().resolve(file.getFileName() + ".backup");
            files.copyFile(file, backup);
            context.recordUndo("backup", backup.toString());
        } else {
            context.recordUndo("absent", file.toString());
        }
    }

    /** Puts {@code file} back as it was; returns whether anything changed. */
    static boolean restore(UndoContext context, MachineFiles files, Path file) {
        var backup = context.notes().get("backup");
        if (backup != null && files.exists(Path.of(backup))) {
            files.moveAtomically(Path.of(backup), file);
            return true;
        }
        if (context.notes().containsKey("absent")) {
            return files.remove(file);
        }
        return false;
    }
}
