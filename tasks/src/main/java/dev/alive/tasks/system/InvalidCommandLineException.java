package dev.alive.tasks.system;

/** A spec command that {@link CommandLineSplitter} refuses, with the 1-based column at fault. */
public final class InvalidCommandLineException extends IllegalArgumentException {
    private final String commandLine;
    private final int column;

    public InvalidCommandLineException(String commandLine, int column, String reason) {
        super(reason + " at column " + column + " of command: " + commandLine);
        this.commandLine = commandLine;
        this.column = column;
    }

    public String commandLine() {
        return commandLine;
    }

    public int column() {
        return column;
    }
}
