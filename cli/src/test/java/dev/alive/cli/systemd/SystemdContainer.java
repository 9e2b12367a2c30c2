package dev.alive.cli.systemd;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * systemd 252 booted as PID 1 of a throwaway {@code systemd-nspawn} container that sees this
 * machine's files through a copy-on-write overlay: {@code /} is bind-mounted (private) onto a
 * scratch folder booted with {@code --volatile=overlay}, so every write inside lands in a tmpfs
 * that is gone at shutdown (a user created inside never exists on the host). The container shares
 * the host's network. Commands run inside through {@code nsenter -t <leader> -a}; files are
 * reached through {@code /proc/<leader>/root}.
 *
 * <p>Without machined on the host, nspawn runs with {@code --register=no --keep-unit} from cgroup
 * folders of its own under {@code /sys/fs/cgroup/systemd} and {@code /sys/fs/cgroup/unified}.
 * Every unit the host enables (its {@code /etc/systemd/system/*.wants} folders) is masked, so the
 * container starts no second PostgreSQL, Caddy or Redis on the shared network. Names are unique
 * per JVM and boot, so several containers run at once. {@link #close} stops it (TERM to the
 * nspawn supervisor) and removes its cgroup folders, mount and scratch folder; a shutdown hook
 * does the same when the JVM ends first.
 */
final class SystemdContainer implements AutoCloseable {
    static final Path NSPAWN = Path.of("/usr/bin/systemd-nspawn");
    static final Path NSENTER = Path.of("/usr/bin/nsenter");
    static final Path CGROUP_V1_SYSTEMD = Path.of("/sys/fs/cgroup/systemd");
    static final Path CGROUP_UNIFIED = Path.of("/sys/fs/cgroup/unified");
    static final String SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String name;
    private final Path scratchRoot;
    private final Path logDir;
    private final Process supervisor;
    private final Thread shutdownHook;
    private final long leader;
    private final Duration bootTime;
    private final String bootState;
    private final List<String> failedUnits;
    private final AtomicInteger commands = new AtomicInteger();
    private Duration stopTime;
    private boolean closed;

    private SystemdContainer(String name, Path scratchRoot, Path logDir, Process supervisor, Thread shutdownHook,
                             long leader, Duration bootTime, String bootState, List<String> failedUnits) {
        this.name = name;
        this.scratchRoot = scratchRoot;
        this.logDir = logDir;
        this.supervisor = supervisor;
        this.shutdownHook = shutdownHook;
        this.leader = leader;
        this.bootTime = bootTime;
        this.bootState = bootState;
        this.failedUnits = failedUnits;
    }

    /**
     * Why a container cannot boot on this machine, or empty when it can: nspawn or nsenter not
     * installed, not root, or not the hybrid cgroup layout (v1 {@code name=systemd} plus v2 at
     * {@code unified}) the fixture is built for.
     */
    static Optional<String> cannotBootBecause() {
        if (!Files.isExecutable(NSPAWN)) {
            return Optional.of(NSPAWN + " is not installed (Debian package systemd-container; bin/setup installs it)");
        }
        if (!Files.isExecutable(NSENTER)) {
            return Optional.of(NSENTER + " is not installed (Debian package util-linux)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("the tests run as " + System.getProperty("user.name") + ", and booting a container needs root");
        }
        if (!Files.isRegularFile(CGROUP_V1_SYSTEMD.resolve("cgroup.procs"))
                || !Files.isRegularFile(CGROUP_UNIFIED.resolve("cgroup.controllers"))) {
            return Optional.of("no cgroup file systems at " + CGROUP_V1_SYSTEMD + " (v1, name=systemd) and "
                    + CGROUP_UNIFIED + " (v2), which the fixture launches nspawn from");
        }
        return Optional.empty();
    }

    /** True where the fixture must run (CI): there a container that cannot boot fails the tests. */
    static boolean required() {
        return System.getenv("CI") != null || System.getenv("ALIVE_REQUIRE_NSPAWN") != null;
    }

    /**
     * Boots a container and waits until {@code systemctl is-system-running} says running or degraded.
     * Each of {@code readOnly} is bind-mounted read-only at the same path: the overlay alone hides a
     * checkout under {@code /tmp}, on which the container's own tmpfs is mounted.
     */
    static SystemdContainer boot(String purpose, Path logParent, List<Path> readOnly)
            throws IOException, InterruptedException {
        var name = "alive-" + purpose + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        var logDir = Files.createDirectories(logParent.resolve(name));
        var scratch = Files.createTempDirectory(name + "-root");
        var cgroups = List.of(CGROUP_V1_SYSTEMD.resolve(name), CGROUP_UNIFIED.resolve(name));
        var cleanup = new Cleanup(name, scratch, cgroups);
        Thread hook = new Thread(cleanup::runQuietly, name + "-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        Process supervisor = null;
        try {
            run(List.of("mount", "--bind", "/", scratch.toString()), logDir.resolve("mount.log"));
            run(List.of("mount", "--make-private", scratch.toString()), logDir.resolve("mount.log"));
            for (var cgroup : cgroups) {
                Files.createDirectory(cgroup);
            }
            var argv = new ArrayList<>(List.of("setsid", "sh", "-c",
                    "echo $$ > \"$1/cgroup.procs\" && echo $$ > \"$2/cgroup.procs\" && shift 2 && exec \"$@\"", "sh",
                    cgroups.get(0).toString(), cgroups.get(1).toString(),
                    NSPAWN.toString(), "--quiet", "--directory=" + scratch, "--volatile=overlay", "--register=no",
                    "--keep-unit", "--machine=" + name, "--boot", "--console=read-only"));
            readOnly.forEach(path -> argv.add("--bind-ro=" + path.toAbsolutePath()));
            argv.addAll(masks());
            var builder = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                    .redirectOutput(logDir.resolve("console.log").toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().put("PATH", SYSTEM_PATH);
            supervisor = builder.start();
            cleanup.supervisor = supervisor;
            long leader = awaitLeader(name, supervisor, logDir);
            var container = new SystemdContainer(name, scratch, logDir, supervisor, hook, leader, Duration.ZERO,
                    "", List.of());
            String state = container.awaitRunning(supervisor);
            var failed = state.equals("degraded")
                    ? container.exec("systemctl", "--failed", "--no-legend", "--plain").out().lines().toList()
                    : List.<String>of();
            return new SystemdContainer(name, scratch, logDir, supervisor, hook, leader,
                    Duration.ofNanos(System.nanoTime() - started), state, failed);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cleanup.runQuietly();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
    }

    String name() {
        return name;
    }

    /** systemd's PID as the host sees it. */
    long leader() {
        return leader;
    }

    Duration bootTime() {
        return bootTime;
    }

    /** Null until {@link #close}. */
    Duration stopTime() {
        return stopTime;
    }

    /** {@code running} or {@code degraded}. */
    String bootState() {
        return bootState;
    }

    /** {@code systemctl --failed} lines when the boot ended degraded. */
    List<String> failedUnits() {
        return failedUnits;
    }

    /** A path inside the container, as the host reaches it (no symbolic links on the way, please). */
    Path path(String inside) {
        return Path.of("/proc/" + leader + "/root").resolve(inside.replaceFirst("^/+", ""));
    }

    /** Runs a command inside, in {@code /}, with just PATH, and waits for it (2 minutes at most). */
    Result exec(String... argv) {
        return exec(Path.of("/"), Map.of(), Duration.ofMinutes(2), List.of(argv));
    }

    /**
     * Runs {@code argv} inside the container in {@code workingDir}, with PATH and {@code env} as its
     * whole environment; its output is kept in the container's log folder.
     */
    Result exec(Path workingDir, Map<String, String> env, Duration timeout, List<String> argv) {
        // nsenter's --wd opens the folder before it enters the mount namespace: env changes folder inside
        var command = new ArrayList<>(List.of(NSENTER.toString(), "--target=" + leader, "--all",
                "/usr/bin/env", "--chdir=" + workingDir));
        command.addAll(argv);
        var base = logDir.resolve(String.format("%03d-%s", commands.incrementAndGet(),
                Path.of(argv.get(0)).getFileName().toString().replaceAll("[^A-Za-z0-9.-]", "_")));
        var out = base.resolveSibling(base.getFileName() + ".out");
        var err = base.resolveSibling(base.getFileName() + ".err");
        var builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", SYSTEM_PATH);
        builder.environment().putAll(env);
        try {
            var process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", argv) + " did not finish within " + timeout
                        + " inside " + name + "; output in " + out);
            }
            return new Result(argv, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Stops the container (TERM to nspawn, which shuts systemd down) and removes what it left on the host. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        var cleanup = new Cleanup(name, scratchRoot, List.of(CGROUP_V1_SYSTEMD.resolve(name), CGROUP_UNIFIED.resolve(name)));
        cleanup.supervisor = supervisor;
        cleanup.run();
        stopTime = Duration.ofNanos(System.nanoTime() - started);
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    @Override
    public String toString() {
        return name + " (leader " + leader + ", " + bootState + ")";
    }

    /** One command's outcome inside the container. */
    record Result(List<String> argv, int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The output, or an AssertionError naming the command, its exit code and its output. */
        Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            var words = argv.stream().map(a -> a.length() > 200 ? a.substring(0, 40) + "..." : a).toList();
            return String.join(" ", words) + " exited " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** {@code systemd.mask=<unit>} for every unit in the host's {@code /etc/systemd/system/*.wants} folders. */
    static List<String> masks() throws IOException {
        var units = new ArrayList<String>();
        try (Stream<Path> folders = Files.list(Path.of("/etc/systemd/system"))) {
            for (var folder : folders.filter(f -> f.getFileName().toString().endsWith(".wants")).sorted().toList()) {
                try (Stream<Path> entries = Files.list(folder)) {
                    entries.map(e -> e.getFileName().toString()).sorted().forEach(units::add);
                }
            }
        }
        return units.stream().distinct().map(unit -> "systemd.mask=" + unit).toList();
    }

    private static long awaitLeader(String name, Process supervisor, Path logDir) throws IOException, InterruptedException {
        var procs = CGROUP_UNIFIED.resolve(name).resolve("payload/init.scope/cgroup.procs");
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!supervisor.isAlive()) {
                throw new IllegalStateException("systemd-nspawn exited " + supervisor.exitValue() + " while booting "
                        + name + ":\n" + tail(logDir.resolve("console.log")));
            }
            if (Files.isRegularFile(procs)) {
                var first = Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).findFirst();
                if (first.isPresent()) {
                    return Long.parseLong(first.get().trim());
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " had no init process after " + BOOT_TIMEOUT.toSeconds() + " s:\n"
                + tail(logDir.resolve("console.log")));
    }

    private String awaitRunning(Process supervisor) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            if (!supervisor.isAlive()) {
                throw new IllegalStateException("systemd-nspawn exited " + supervisor.exitValue() + " while booting "
                        + name + ":\n" + tail(logDir.resolve("console.log")));
            }
            state = exec("systemctl", "is-system-running").out().trim();
            if (state.equals("running") || state.equals("degraded")) {
                return state;
            }
            Thread.sleep(30);
        }
        throw new IllegalStateException(name + " is still '" + state + "' after " + BOOT_TIMEOUT.toSeconds()
                + " s:\n" + tail(logDir.resolve("console.log")));
    }

    private static void run(List<String> argv, Path log) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", SYSTEM_PATH);
        var process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", argv) + " failed:\n" + tail(log));
        }
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        var lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Stops the supervisor, then removes the cgroup folders, the bind mount and the scratch folder. */
    private static final class Cleanup {
        private final String name;
        private final Path scratch;
        private final List<Path> cgroups;
        volatile Process supervisor;

        Cleanup(String name, Path scratch, List<Path> cgroups) {
            this.name = name;
            this.scratch = scratch;
            this.cgroups = cgroups;
        }

        void runQuietly() {
            try {
                run();
            } catch (RuntimeException e) {
                System.err.println("cleaning up container " + name + ": " + e.getMessage());
            }
        }

        void run() {
            var problems = new ArrayList<String>();
            try {
                stopSupervisor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted while stopping");
            }
            for (var cgroup : cgroups) {
                removeCgroup(cgroup, problems);
            }
            unmount(problems);
            try {
                Files.deleteIfExists(scratch);
                Files.deleteIfExists(Path.of("/run/systemd/nspawn/propagate", name));
            } catch (IOException e) {
                problems.add("cannot remove " + scratch + ": " + e.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("container " + name + " left: " + String.join("; ", problems));
            }
        }

        private void stopSupervisor() throws InterruptedException {
            var process = supervisor;
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy(); // SIGTERM: nspawn asks systemd to power off and waits for it
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("container " + name + " did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s of SIGTERM; killing it");
                killCgroup(CGROUP_UNIFIED.resolve(name));
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        private static void killCgroup(Path cgroup) {
            try {
                Files.writeString(cgroup.resolve("cgroup.kill"), "1");
            } catch (IOException e) {
                System.err.println("cannot kill " + cgroup + ": " + e.getMessage());
            }
        }

        private static void removeCgroup(Path cgroup, List<String> problems) {
            if (!Files.isDirectory(cgroup)) {
                return;
            }
            for (int attempt = 0; attempt < 100; attempt++) {
                try (Stream<Path> tree = Files.walk(cgroup)) {
                    // cgroup folders hold only control files, which rmdir takes with them
                    for (var dir : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(dir);
                    }
                    return;
                } catch (IOException e) {
                    if (attempt == 99) {
                        problems.add("cannot remove " + cgroup + ": " + e);
                    }
                    try {
                        Thread.sleep(50); // a process still leaving
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        private void unmount(List<String> problems) {
            try {
                if (!Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + scratch + " ")) {
                    return;
                }
                var process = new ProcessBuilder("umount", scratch.toString()).redirectErrorStream(true).start();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    problems.add("umount " + scratch + " failed: " + output.trim());
                }
            } catch (IOException e) {
                problems.add("cannot unmount " + scratch + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
