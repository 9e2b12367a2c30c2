package dev.alive.tasks.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A process group, signalled with {@code kill -s <SIGNAL> -- -<pgid>} and watched through /proc. */
final class ProcessGroup {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);

    private final long id;
    private final CommandRunner commands;

    ProcessGroup(long id, CommandRunner commands) {
        this.id = id;
        this.commands = commands;
    }

    /** SIGTERM, up to {@code grace} to exit, then SIGKILL; returns once no member is alive. */
    void terminate(Duration grace) {
        signal("TERM");
        if (!awaitGone(grace)) {
            signal("KILL");
            awaitGone(AFTER_KILL);
        }
    }

    void signal(String signal) {
        try {
            commands.run(Command.of(Path.of("/"), "kill", "-s", signal, "--", "-" + id)
                    .withEnvironment(Map.of("PATH", Executables.SYSTEM_PATH)));
        } catch (CommandFailedException e) {
            if (!ProcStat.liveInGroup(id).isEmpty()) {
                throw e; // "no such process" is fine: the group is gone already
            }
        }
    }

    boolean awaitGone(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ProcStat.liveInGroup(id).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a process", e);
        }
    }
}
