package dev.alive.tasks.system;

import dev.alive.engine.RunLeftovers;
import dev.alive.engine.store.RunRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stops what a dead run left running on this machine: every process whose environment carries the
 * run's marker ({@link Command#RUN_MARKER}{@code =<runId>}, set on the install and build commands
 * and inherited by all they start, sessions of their own included). SIGTERM, up to {@link #GRACE}
 * to exit, then SIGKILL. Nothing else is touched: not a site's app (its commands carry no marker),
 * not this process, nor any process whose environment cannot be read.
 */
public final class LeftoverCommands implements RunLeftovers {
    static final Duration GRACE = Duration.ofSeconds(3);
    private static final Duration AFTER_KILL = Duration.ofSeconds(2);

    @Override
    public void stop(RunRecord deadRun) {
        stop(deadRun.runId());
    }

    /** Stops the processes marked with {@code runId}; returns how many there were. */
    public int stop(String runId) {
        var marked = marked(runId);
        if (marked.isEmpty()) {
            return 0;
        }
        marked.forEach(ProcessHandle::destroy);
        if (!awaitGone(marked, GRACE)) {
            marked.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitGone(marked, AFTER_KILL);
        }
        return marked.size();
    }

    /**
     * The live processes marked with {@code runId}. A handle checks the process's start time when
     * it signals, so a pid reused since the look is never signalled.
     */
    public static List<ProcessHandle> marked(String runId) {
        byte[] marker = (Command.RUN_MARKER + "=" + runId).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        var found = new ArrayList<ProcessHandle>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> pid != self)
                    .forEach(pid -> ProcessHandle.of(pid)
                            .filter(handle -> ProcStat.isLive(pid) && carries(pid, marker))
                            .ifPresent(found::add));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list /proc", e);
        }
        return found;
    }

    /** Whether the process's environment (NUL-separated entries) holds exactly {@code entry}. */
    private static boolean carries(long pid, byte[] entry) {
        return environment(pid).map(env -> {
            int start = 0;
            for (int i = 0; i <= env.length; i++) {
                if (i == env.length || env[i] == 0) {
                    if (i - start == entry.length && java.util.Arrays.equals(env, start, i, entry, 0, entry.length)) {
                        return true;
                    }
                    start = i + 1;
                }
            }
            return false;
        }).orElse(false);
    }

    private static Optional<byte[]> environment(long pid) {
        try {
            return Optional.of(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // gone, or another user's and we are not root: not ours to stop
        }
    }

    private static boolean awaitGone(List<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (processes.stream().anyMatch(p -> ProcStat.isLive(p.pid()))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
