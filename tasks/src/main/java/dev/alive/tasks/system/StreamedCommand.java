package dev.alive.tasks.system;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Runs a command that may never end on its own ({@code journalctl --follow}), passing each output
 * line (stdout and stderr merged) to a sink until the sink returns false, the command ends, or
 * alive exits; then the command and its descendants are killed. No timeout: the caller decides when
 * to stop. The same rules as {@link LocalCommandRunner} otherwise: exactly the argument vector, its
 * environment, stdin from {@code /dev/null}.
 */
public final class StreamedCommand {

    private StreamedCommand() {
    }

    /**
     * @throws CommandFailedException when it cannot start, or ends by itself with a non-zero exit
     *     (its last lines say why)
     */
    public static void run(Command command, Predicate<String> sink) {
        var argv = LocalCommandRunner.launchArgv(command);
        var builder = new ProcessBuilder(argv)
                .directory(command.workingDir().toFile())
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(command.environment());
        var last = new LastLines(LocalCommandRunner.KEPT_LINES);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CommandFailedException(command.display(), CommandFailedException.NO_EXIT_CODE,
                    "could not start: " + e.getMessage(), last.lines());
        }
        var onExit = new Thread(() -> LocalCommandRunner.killTree(process.toHandle()), "stop-" + argv.get(0));
        Runtime.getRuntime().addShutdownHook(onExit);
        boolean stopped = false;
        boolean ended = false;
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                last.add(line);
                if (!sink.test(line)) {
                    stopped = true;
                    break;
                }
            }
            ended = !stopped;
        } catch (IOException e) {
            stopped = true; // the pipe broke: the command is gone or going
        } finally {
            if (!ended) {
                LocalCommandRunner.killTree(process.toHandle());
            }
            removeHook(onExit);
        }
        if (stopped) {
            return;
        }
        int exit = waitFor(process);
        if (exit != 0) {
            throw new CommandFailedException(command.display(), exit, "exited with " + exit, last.lines());
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LocalCommandRunner.killTree(process.toHandle());
            return 0;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // alive is exiting: the hook runs (or ran) and kills the command
        }
    }
}
