package dev.alive.tasks;

import dev.alive.specs.Host;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.RunAs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a site's app runs as a service on this host: a hardened systemd unit ({@code services:
 * systemd}) or a detached process that alive starts itself ({@code services: process}).
 */
public interface SiteServices {

    /** The services of this machine, as the host profile says. */
    static SiteServices local(Host host, CommandRunner commands) {
        return host.services() == Host.Services.SYSTEMD
                ? new SystemdSiteServices(commands)
                : new ProcessSiteServices(Duration.ofSeconds(10));
    }

    /** Where the site's service definition (unit file or process definition) lives. */
    Path definitionFile(SiteContext site);

    /**
     * Checks the site's definition (systemd: {@code systemd-analyze verify} and the exposure
     * score) and only then writes it atomically to {@link #definitionFile}; makes the manager see it.
     */
    void install(SiteContext site, Optional<RunAs> user);

    /** Makes the manager see the definition file as it is now (after undo put it back or removed it). */
    void reload(SiteContext site);

    /** (Re)starts the app from {@code current}. */
    void restart(SiteContext site, Optional<RunAs> user);

    void stop(SiteContext site);

    boolean isRunning(SiteContext site);

    /** The process id, or another token, identifying the running instance; empty when not running. */
    Optional<String> instance(SiteContext site);

    List<String> lastLogLines(SiteContext site, int lines);

    /** Removes what running the app left on the host (a stopped process's pid and log files). */
    void purge(SiteContext site);
}
