package dev.alive.tasks;

import dev.alive.tasks.system.RunAs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a site's app runs as a service on this host: a systemd unit ({@code services: systemd}) or
 * a detached process that alive starts itself ({@code services: process}).
 */
public interface SiteServices {

    /** Where the site's service definition (unit file or process definition) lives. */
    Path definitionFile(SiteSetup site);

    /** The definition's text: starts the app from {@code current} as the site user. */
    String definition(SiteSetup site, Optional<RunAs> user);

    /** Checks a written definition (systemd-analyze verify) and makes the manager see it. */
    void installed(SiteSetup site);

    /** Forgets a removed definition (daemon-reload). */
    void removed(SiteSetup site);

    /** (Re)starts the app from {@code current}. */
    void restart(SiteSetup site, Optional<RunAs> user);

    void stop(SiteSetup site);

    boolean isRunning(SiteSetup site);

    /** The process id, or a stable token, identifying the running instance; empty when not running. */
    Optional<String> instance(SiteSetup site);

    List<String> lastLogLines(SiteSetup site, int lines);
}
