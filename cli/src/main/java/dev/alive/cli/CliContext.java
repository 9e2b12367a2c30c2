package dev.alive.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: the environment, the working directory and the
 * three standard streams. Tests build one over strings; {@link Main} over the real process.
 *
 * @param colors whether stdout is a terminal that wants colours (never with NO_COLOR set)
 */
public record CliContext(Map<String, String> environment, Path workingDir, PrintWriter out, PrintWriter err,
                         InputStream in, boolean colors) {

    public static CliContext ofProcess() {
        var env = System.getenv();
        return new CliContext(env, Path.of("").toAbsolutePath(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), System.in, colorsWanted(System.console() != null, env));
    }

    /** Colours only on a terminal, never with NO_COLOR set (to anything) or on a dumb terminal. */
    static boolean colorsWanted(boolean terminal, Map<String, String> environment) {
        return terminal && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
    }
}
