package dev.alive.tasks.host;

import dev.alive.tasks.SiteProxy;
import dev.alive.tasks.SiteServices;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.DnsCheck;
import dev.alive.tasks.system.LinuxUsers;
import dev.alive.tasks.system.SiteHttp;
import java.util.Optional;

/**
 * The Host port: the one way site tasks reach the machine a host profile describes. Each facet is
 * a small interface; {@link LocalMachine} is this machine, a remote (SSH) machine comes later. No
 * facet hands out {@code java.nio.file} behaviour: paths travel as values and every operation is a
 * call on a facet, so an implementation decides how (and where) it happens.
 */
public interface Machine {

    /** Files and folders: read, write atomically with a mode and owner, list, copy, link, remove. */
    MachineFiles files();

    /** External commands, by argument vector, optionally as another user. */
    CommandRunner commands();

    /** The site users. */
    LinuxUsers users();

    /** How a site's app runs as a service (systemd or a process alive starts). */
    SiteServices services();

    /** The reverse proxy in front of the sites; empty when the host has none. */
    Optional<SiteProxy> proxy();

    /** HTTP to the ports of the machine's own apps (health checks). */
    SiteHttp http();

    /** Whether a custom domain points at the machine. */
    DnsCheck dns();
}
