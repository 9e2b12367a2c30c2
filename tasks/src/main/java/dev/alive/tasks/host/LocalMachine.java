package dev.alive.tasks;

import dev.alive.specs.Host;
import dev.alive.tasks.system.LocalCommandRunner;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.DnsCheck;
import dev.alive.tasks.system.HealthCheck;
import dev.alive.tasks.system.LinuxUsers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The adapters to the real system that a host's tasks use. {@link #real} builds them for a host
 * profile; tests replace single parts (a DNS resolver, say).
 *
 * @param proxy empty when the host has no proxy
 */
public record HostSystem(CommandRunner commands, LinuxUsers users, DnsCheck dns, HealthCheck health, SiteServices services,
                         Optional<SiteProxy> proxy) {

    public static HostSystem real(Host host, Map<String, String> environment) {
        var commands = new LocalCommandRunner();
        var prefix = host.root().toString().equals("/") ? Optional.<java.nio.file.Path>empty() : Optional.of(host.root());
        SiteServices services = host.services() == Host.Services.SYSTEMD
                ? new SystemdSiteServices(commands)
                : new ProcessSiteServices(Duration.ofSeconds(10));
        Optional<SiteProxy> proxy = host.proxy().kind() == Host.Proxy.Kind.CADDY
                ? Optional.of(new CaddySiteProxy(host, commands))
                : Optional.empty();
        return new HostSystem(commands, new LinuxUsers(commands, prefix), new DnsCheck(), new HealthCheck(), services,
                proxy);
    }

    public HostSystem withDns(DnsCheck check) {
        return new HostSystem(commands, users, check, health, services, proxy);
    }
}
