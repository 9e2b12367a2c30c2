package dev.alive.tasks.system;

import java.util.function.Consumer;

/** Runs commands; {@link LocalCommandRunner} on the real system, a recording fake in tests. */
public interface CommandRunner {
    /**
     * Runs the command to completion, passing each output line (stdout and stderr merged) to
     * {@code output} as it arrives.
     *
     * @throws CommandFailedException when it cannot start, exits non-zero or times out
     */
    CommandResult run(Command command, Consumer<String> output);

    /** Runs the command, discarding output lines (they are still kept for the error). */
    default CommandResult run(Command command) {
        return run(command, line -> { });
    }
}
