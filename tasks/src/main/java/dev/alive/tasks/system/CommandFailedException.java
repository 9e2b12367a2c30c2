package dev.alive.tasks.system;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.util.List;

/**
 * A command that could not start, exited non-zero or ran out of time. The message names the
 * command (never its environment) and carries the last lines of its output, which say what to fix.
 */
public final class CommandFailedException extends AliveException {
    /** Exit code used when the command did not start or was killed for its timeout. */
    public static final int NO_EXIT_CODE = -1;

    private final String command;
    private final int exitCode;
    private final List<String> lastLines;

    public CommandFailedException(String command, int exitCode, String what, List<String> lastLines) {
        super(ErrorCategory.FAILED,
                command + ": " + what + (lastLines.isEmpty() ? "" : "\n" + String.join("\n", lastLines)));
        this.command = command;
        this.exitCode = exitCode;
        this.lastLines = List.copyOf(lastLines);
    }

    public String command() {
        return command;
    }

    /** The exit code, or {@link #NO_EXIT_CODE}. */
    public int exitCode() {
        return exitCode;
    }

    public List<String> lastLines() {
        return lastLines;
    }
}
