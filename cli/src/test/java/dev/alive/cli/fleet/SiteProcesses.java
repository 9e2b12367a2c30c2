package dev.alive.cli.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The site apps alive started under a folder, found as live processes whose working directory lies
 * inside it (so an app whose pid file was lost is found too), and stopped with SIGKILL at the end of
 * a test.
 */
final class SiteProcesses {

    private SiteProcesses() {
    }

    /** Live processes working inside {@code dir}. */
    static List<ProcessHandle> under(Path dir) {
        var real = realPath(dir);
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> workingDir(process).map(cwd -> cwd.startsWith(real)).orElse(false))
                .toList();
    }

    /** Kills every process working inside {@code dir} and waits (briefly) for them to be gone. */
    static void killAll(Path dir) {
        var processes = under(dir);
        processes.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<Path> workingDir(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or not ours to look at
        }
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
