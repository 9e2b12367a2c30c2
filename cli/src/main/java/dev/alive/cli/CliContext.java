package dev.alive.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: the environment, the working directory and the
 * three standard streams. Tests build one over strings; {@link Main} over the real process, whose
 * output is always UTF-8: without a UTF-8 locale (cron, a unit without LANG) Java 17 would print
 * {@code ?} for every mark such as the apply's check mark.
 *
 * @param colors whether stdout is a terminal that wants colours (never with NO_COLOR set)
 */
public record CliContext(Map<String, String> environment, Path workingDir, PrintWriter out, PrintWriter err,
                         InputStream in, boolean colors) {

    public static CliContext ofProcess() {
        var env = System.getenv();
        return new CliContext(env, Path.of("").toAbsolutePath(), utf8(System.out), utf8(System.err), System.in, colorsWanted(System.console() != null, env));
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Colours only on a terminal, never with NO_COLOR set (to anything) or on a dumb terminal. */
    static boolean colorsWanted(boolean terminal, Map<String, String> environment) {
        return terminal && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
    }
}
