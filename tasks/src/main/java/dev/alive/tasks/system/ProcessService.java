package dev.alive.tasks.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process without a service manager (the local profile's {@code services:
 * process}): started detached in its own session and process group ({@code setsid --fork}), stdin from
 * {@code /dev/null}, stdout and stderr appended to a log file, its pid and start time in a pid file
 * (0600). It is running when that pid is a live process with that start time, so a recycled pid is
 * never mistaken for it. {@link #stop()} sends SIGTERM to the whole group, waits, then SIGKILL.
 *
 * <p>The process is described by a {@link Command} (argument vector, working directory, clean
 * environment, optional {@link RunAs}); its timeout and output file are ignored.
 */
public final class ProcessService {
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(10);

    private final Path pidFile;
    private final Path logFile;
    private final Duration stopTimeout;
    private final CommandRunner commands;

    public ProcessService(Path pidFile, Path logFile) {
        this(pidFile, logFile, DEFAULT_STOP_TIMEOUT, new LocalCommandRunner());
    }

    /** @param commands runs {@code kill}; {@code stopTimeout} is how long SIGTERM is given */
    public ProcessService(Path pidFile, Path logFile, Duration stopTimeout, CommandRunner commands) {
        this.pidFile = pidFile;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
        this.commands = commands;
    }

    /**
     * Starts the process and returns its pid (also its process group and session id).
     *
     * @throws IllegalStateException when it is already running
     */
    public long start(Command command) {
        pid().ifPresent(pid -> {
            throw new IllegalStateException("already running as pid " + pid + " (" + pidFile + ")");
        });
        List<String> argv = new ArrayList<>(List.of(Executables.system("setsid").toString(), "--fork",
                Executables.system("sh").toString(), "-c", reportPidThenExec(command.environment().containsKey("PWD")),
                "alive-start", launchFile().toString()));
        argv.addAll(LocalCommandRunner.launchArgv(command));
        createLogFile();
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(command.workingDir().toFile())
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear();
        builder.environment().putAll(command.environment());
        long pid;
        try {
            pid = launch(builder);
        } catch (IOException e) {
            throw new CommandFailedException(command.display(), CommandFailedException.NO_EXIT_CODE,
                    "could not start: " + e.getMessage(), FileOps.lastLines(logFile, 5));
        }
        Optional<ProcStat> stat = awaitOwnSession(pid);
        long startTime = stat.map(ProcStat::startTime).orElse(-1L);
        FileOps.writeAtomically(pidFile, (pid + " " + startTime + "\n").getBytes(StandardCharsets.US_ASCII), "rw-------");
        return pid;
    }

    /** The pid of the running process, or empty when it is not running. */
    public Optional<Long> pid() {
        return recorded().filter(r -> ProcStat.read(r.pid())
                .map(stat -> stat.isLive() && stat.startTime() == r.startTime())
                .orElse(false)).map(Recorded::pid);
    }

    public boolean isRunning() {
        return pid().isPresent();
    }

    /**
     * Stops the process group (SIGTERM, then SIGKILL after the stop timeout); true if the process
     * was running. Members left behind by a leader that already exited are stopped too.
     */
    public boolean stop() {
        Optional<Long> running = pid();
        Optional<Long> orphaned = recorded().map(Recorded::pid)
                .filter(group -> !ProcStat.isLive(group) && !ProcStat.liveInGroup(group).isEmpty());
        running.or(() -> orphaned).ifPresent(group -> new ProcessGroup(group, commands).terminate(stopTimeout));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + pidFile, e);
        }
        return running.isPresent();
    }

    /** Stops the process if it runs, then starts it; returns the new pid. */
    public long restart(Command command) {
        stop();
        return start(command);
    }

    /** The last {@code n} lines of the log file. */
    public List<String> lastLogLines(int n) {
        return FileOps.lastLines(logFile, n);
    }

    /**
     * Runs {@code setsid --fork sh -c ...}: setsid's own process exits at once, so the JVM keeps no
     * child that never ends (its process reaper would hold every alive run's exit by ~300 ms). The
     * forked session leader writes its pid to a launch file, then execs the command. (A pipe cannot
     * carry the pid: the JDK drains and closes a child's pipes as soon as that child exits.)
     */
    private long launch(ProcessBuilder builder) throws IOException {
        Path launchFile = launchFile();
        Files.deleteIfExists(launchFile);
        Files.createFile(launchFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Process launcher = builder.start();
            long deadline = System.nanoTime() + LAUNCH_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String reported = Files.readString(launchFile, StandardCharsets.US_ASCII);
                if (reported.endsWith("\n")) {
                    return Long.parseLong(reported.trim());
                }
                if (!launcher.isAlive() && launcher.exitValue() != 0) {
                    throw new IOException("setsid exited with " + launcher.exitValue());
                }
                Thread.sleep(2);
            }
            throw new IOException("the process did not report its pid within " + LAUNCH_TIMEOUT.toSeconds() + " s");
        } catch (NumberFormatException e) {
            throw new IOException("the process reported a garbled pid", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        } finally {
            Files.deleteIfExists(launchFile);
        }
    }

    /**
     * The launcher's script. Positional parameters only: nothing from the command is parsed by the
     * shell. The shell sets PWD, which the command's environment does not have unless it says so.
     */
    private static String reportPidThenExec(boolean keepPwd) {
        return "echo $$ > \"$1\"; shift; " + (keepPwd ? "" : "unset PWD; ") + "exec \"$@\"";
    }

    private Path launchFile() {
        return pidFile.resolveSibling(pidFile.getFileName() + ".launch");
    }

    /** Waits (briefly) until setsid has made the process its own session leader. */
    private static Optional<ProcStat> awaitOwnSession(long pid) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        Optional<ProcStat> stat = ProcStat.read(pid);
        while (stat.isPresent() && stat.get().session() != pid && System.nanoTime() < deadline) {
            ProcessGroup.pause();
            stat = ProcStat.read(pid);
        }
        return stat;
    }

    private void createLogFile() {
        try {
            Files.createFile(logFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // appended to
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logFile, e);
        }
    }

    private Optional<Recorded> recorded() {
        try {
            String[] fields = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split(" ");
            return Optional.of(new Recorded(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, unreadable or garbled: nothing we started
        }
    }

    private record Recorded(long pid, long startTime) {
    }
}
