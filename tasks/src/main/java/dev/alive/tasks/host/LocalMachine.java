package dev.alive.tasks.host;

import dev.alive.specs.Host;
import dev.alive.tasks.SiteProxy;
import dev.alive.tasks.SiteServices;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.DnsCheck;
import dev.alive.tasks.system.LinuxUsers;
import dev.alive.tasks.system.LocalCommandRunner;
import dev.alive.tasks.system.LocalLinuxUsers;
import dev.alive.tasks.system.LoopbackHttp;
import dev.alive.tasks.system.SiteHttp;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This machine, as a host profile sets it up: its files, commands over commons-exec, users through
 * useradd under the profile's root, systemd or process services, Caddy, loopback HTTP, the system
 * resolver. {@link #of} builds it; tests replace single facets (a recording command runner, say).
 *
 * @param proxy empty when the host has no proxy
 */
public record LocalMachine(MachineFiles files, CommandRunner commands, LinuxUsers users, SiteServices services,
                           Optional<SiteProxy> proxy, SiteHttp http, DnsCheck dns) implements Machine {

    public static LocalMachine of(Host host) {
        var commands = new LocalCommandRunner();
        var prefix = host.root().toString().equals("/") ? Optional.<Path>empty() : Optional.of(host.root());
        return new LocalMachine(new LocalFiles(), commands, new LocalLinuxUsers(commands, prefix),
                SiteServices.local(host, commands), SiteProxy.local(host, commands), new LoopbackHttp(),
                new DnsCheck());
    }
}
