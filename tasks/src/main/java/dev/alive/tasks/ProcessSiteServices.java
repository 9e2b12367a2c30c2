package dev.alive.tasks;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.tasks.site.EnvTask;
import dev.alive.tasks.system.FileOps;
import dev.alive.tasks.system.ProcessService;
import dev.alive.tasks.system.RunAs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code services: process}: alive starts the app itself, detached in its own process group, with
 * a pid file and a log file in the host's services folder (rotated at a restart once it is over
 * 10 MiB, one generation kept). The definition file records what is started, so a change of it
 * is seen (and restarts the app), and an undo that puts it back brings back the old start command.
 */
final class ProcessSiteServices implements SiteServices {

    private static final String START = "start=";
    /** The log is rotated at a restart once it is larger than this. */
    static final long LOG_LIMIT = 10L * 1024 * 1024;

    private final Duration stopTimeout;

    ProcessSiteServices(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    @Override
    public Path definitionFile(SiteContext site) {
        return site.paths().serviceDir().resolve(site.spec().slug() + ".service");
    }

    @Override
    public void install(SiteContext site, Optional<RunAs> user) {
        createServiceDir(site);
        FileOps.writeAtomically(definitionFile(site), definition(site, user).getBytes(StandardCharsets.UTF_8),
                "rw-r--r--");
    }

    private static String definition(SiteContext site, Optional<RunAs> user) {
        return "# alive: the site's app, started by alive as a detached process\n"
                + START + site.spec().app().start() + "\n"
                + "workingDirectory=" + site.paths().currentLink() + "\n"
                + "environmentFile=" + site.paths().envFile() + "\n"
                + "user=" + user.map(RunAs::toString).orElse("alive's own") + "\n"
                + "log=" + logFile(site) + "\n";
    }

    @Override
    public void reload(SiteContext site) {
        // alive itself is the service manager: nothing to tell
    }

    /**
     * Starts the app as the definition file and the env file say now (not as the spec says): after
     * an undo put back the previous definition, the previous start command runs again.
     */
    @Override
    public void restart(SiteContext site, Optional<RunAs> user) {
        var start = startCommand(site);
        var env = EnvTask.read(site.files(), site.paths().envFile());
        var service = service(site);
        service.stop();
        rotateLog(site);
        service.start(site.specCommand(start, site.paths().currentLink(), env, user));
    }

    /** A log above {@link #LOG_LIMIT} becomes {@code <slug>.log.1} (replacing the one before). */
    private static void rotateLog(SiteContext site) {
        var log = logFile(site);
        try {
            if (Files.exists(log) && Files.size(log) > LOG_LIMIT) {
                Files.move(log, previousLog(site), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + log + ": " + e.getMessage(), e);
        }
    }

    private String startCommand(SiteContext site) {
        var file = definitionFile(site);
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(START))
                    .map(line -> line.substring(START.length()))
                    .findFirst()
                    .orElseThrow(() -> new AliveException(ErrorCategory.FAILED, file + " has no " + START
                            + " line: apply the site again to rewrite it"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service definition " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(SiteContext site) {
        service(site).stop();
    }

    @Override
    public boolean isRunning(SiteContext site) {
        return service(site).isRunning();
    }

    @Override
    public Optional<String> instance(SiteContext site) {
        return service(site).pid().map(pid -> "pid " + pid);
    }

    @Override
    public List<String> lastLogLines(SiteContext site, int lines) {
        return Files.exists(logFile(site)) ? service(site).lastLogLines(lines) : List.of();
    }

    @Override
    public void purge(SiteContext site) {
        try {
            Files.deleteIfExists(logFile(site));
            Files.deleteIfExists(previousLog(site));
            Files.deleteIfExists(site.paths().serviceDir().resolve(site.spec().slug() + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessService service(SiteContext site) {
        var dir = createServiceDir(site);
        return new ProcessService(dir.resolve(site.spec().slug() + ".pid"), logFile(site), stopTimeout,
                site.machine().commands());
    }

    private static Path createServiceDir(SiteContext site) {
        var dir = site.paths().serviceDir();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path logFile(SiteContext site) {
        return logFile(site.paths(), site.spec().slug());
    }

    /** The app's log file ({@code <services>/<slug>.log}), which {@link FileSiteLogs} reads too. */
    static Path logFile(SitePaths paths, String slug) {
        return paths.serviceDir().resolve(slug + ".log");
    }

    private static Path previousLog(SiteContext site) {
        return site.paths().serviceDir().resolve(site.spec().slug() + ".log.1");
    }
}
