package dev.alive.tasks.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs a {@link Command} over commons-exec: exactly its argument vector (never a shell), in its
 * working directory, with exactly its environment, stdin from {@code /dev/null}, stdout and stderr
 * merged and streamed line by line. {@code argv[0]} is resolved on the command's own {@code PATH}
 * (see {@link Executables}); with {@link RunAs} the vector is prefixed by {@code setpriv}. On
 * timeout the process and all its descendants are killed. Spec command strings are split by
 * {@link CommandLineSplitter} before they get here.
 *
 * <p>A command tied to a run ({@link Command#inRun}) starts under {@code setsid}: it leads a session
 * and process group of its own, which a kill takes whole (children whose parent died included).
 * A run that is stopped interrupts the thread that waits for its command: the command and every
 * process it started are killed, and the run gets a {@link CommandFailedException} saying so (with
 * the thread's interrupt status set again).
 *
 * <p>commons-exec pumps the output, waits and reports the exit code; the process itself is
 * started with {@link ProcessBuilder}, because commons-exec's {@code CommandLine} trims
 * arguments and cannot merge the two streams at the source.
 */
public final class LocalCommandRunner implements CommandRunner {
    /** How many output lines a result or failure keeps. */
    public static final int KEPT_LINES = 40;

    private static final Duration PUMP_DRAIN = Duration.ofSeconds(2);
    /** How long a timed-out command's killed tree may take to go. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    @Override
    public CommandResult run(Command command, Consumer<String> output) {
        List<String> argv = launchArgv(command);
        LastLines last = new LastLines(KEPT_LINES);
        Consumer<String> sink = line -> {
            last.add(line);
            output.accept(line);
        };
        Launcher executor = new Launcher(argv, command);
        OutputLines lines = new OutputLines(sink);
        PumpStreamHandler pumps = new PumpStreamHandler(lines);
        pumps.setStopTimeout(PUMP_DRAIN);
        executor.setStreamHandler(pumps);
        executor.setExitValues(null);
        Instant start = Instant.now();
        int exit;
        try {
            exit = executor.execute(new CommandLine(argv.get(0)));
        } catch (IOException e) {
            throw new CommandFailedException(command.display(), CommandFailedException.NO_EXIT_CODE,
                    "could not start: " + e.getMessage(), last.lines());
        } finally {
            executor.endTimeout();
            lines.close();
        }
        List<String> kept = command.outputFile().map(f -> FileOps.lastLines(f, KEPT_LINES)).orElseGet(last::lines);
        if (executor.cancelled.get()) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException(command.display(), CommandFailedException.NO_EXIT_CODE,
                    "was stopped (its run was interrupted) and killed with every process it started", kept);
        }
        if (executor.timedOut.get()) {
            throw new CommandFailedException(command.display(), CommandFailedException.NO_EXIT_CODE,
                    "timed out after " + command.timeout() + " and was killed", kept);
        }
        if (exit != 0) {
            throw new CommandFailedException(command.display(), exit, "exited with " + exit, kept);
        }
        return new CommandResult(exit, kept, Duration.between(start, Instant.now()));
    }

    /** The vector actually executed: the run-as prefix, then the command with argv[0] resolved. */
    static List<String> launchArgv(Command command) {
        List<String> argv = new ArrayList<>();
        if (command.runId().isPresent()) {
            argv.add(Executables.system("setsid").toString());
        }
        command.runAs().ifPresent(user -> argv.addAll(user.prefix()));
        Path program = Executables.resolve(command.argv().get(0), command.environment().get("PATH"),
                command.workingDir());
        argv.add(program.toString());
        argv.addAll(command.argv().subList(1, command.argv().size()));
        return argv;
    }

    /**
     * Kills the process's descendants (and, when it leads its own process group, every member of
     * the group: children whose parent died are no descendants any more), then the process, and
     * waits (a bounded while) until none of them runs any more: a kill is delivered asynchronously,
     * and a caller that undoes the command's work must not race its last writes.
     */
    static void killTree(ProcessHandle process) {
        var tree = new ArrayList<ProcessHandle>();
        process.descendants().forEach(tree::add);
        if (ProcStat.read(process.pid()).filter(stat -> stat.processGroup() == process.pid()).isPresent()) {
            ProcStat.liveInGroup(process.pid()).stream()
                    .filter(member -> member.pid() != process.pid())
                    .flatMap(member -> ProcessHandle.of(member.pid()).stream())
                    .filter(member -> !tree.contains(member))
                    .forEach(tree::add);
        }
        tree.add(process);
        tree.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        while (tree.stream().anyMatch(member -> ProcStat.isLive(member.pid())) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "command-timeouts");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** A commons-exec executor that launches the exact vector and arms the timeout. */
    private static final class Launcher extends DefaultExecutor {
        private final List<String> argv;
        private final Command command;
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile ScheduledFuture<?> timeout;

        @SuppressWarnings("deprecation")
        Launcher(List<String> argv, Command command) {
            super();
            this.argv = argv;
            this.command = command;
        }

        @Override
        protected Process launch(CommandLine ignored, Map<String, String> env, Path dir) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .directory(command.workingDir().toFile())
                    .redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true);
            command.outputFile().ifPresent(f -> builder.redirectOutput(ProcessBuilder.Redirect.appendTo(f.toFile())));
            builder.environment().clear();
            builder.environment().putAll(command.environment());
            Process process = builder.start();
            timeout = TIMER.schedule(() -> {
                timedOut.set(true);
                killTree(process.toHandle());
            }, command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new KilledWhole(process, cancelled);
        }

        /** Disarms the timeout, or when it struck, waits until its kill is done. */
        void endTimeout() {
            ScheduledFuture<?> armed = timeout;
            if (armed == null) {
                return;
            }
            if (!timedOut.get()) {
                armed.cancel(false);
                return;
            }
            try {
                armed.get(KILL_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the kill was attempted; what is left is reported by the caller's own checks
            }
        }
    }

    /**
     * The process as commons-exec sees it: commons-exec destroys it when the waiting thread is
     * interrupted, and that destroy takes the whole tree (the process alone would leave its
     * children running).
     */
    private static final class KilledWhole extends Process {
        private final Process process;
        private final AtomicBoolean cancelled;

        KilledWhole(Process process, AtomicBoolean cancelled) {
            this.process = process;
            this.cancelled = cancelled;
        }

        @Override
        public void destroy() {
            cancelled.set(true);
            killTree(process.toHandle());
        }

        @Override
        public Process destroyForcibly() {
            destroy();
            return this;
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            return process.getOutputStream();
        }

        @Override
        public java.io.InputStream getInputStream() {
            return process.getInputStream();
        }

        @Override
        public java.io.InputStream getErrorStream() {
            return process.getErrorStream();
        }

        @Override
        public int waitFor() throws InterruptedException {
            return process.waitFor();
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
            return process.waitFor(timeout, unit);
        }

        @Override
        public int exitValue() {
            return process.exitValue();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public ProcessHandle toHandle() {
            return process.toHandle();
        }
    }
}
