package dev.alive.tasks.system;

import java.time.Duration;
import java.util.List;

/** A command that exited 0, with the last lines of its merged output. */
public record CommandResult(int exitCode, List<String> lastLines, Duration took) {
    public CommandResult {
        lastLines = List.copyOf(lastLines);
    }
}
