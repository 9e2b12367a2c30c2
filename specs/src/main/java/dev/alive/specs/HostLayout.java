package dev.alive.specs;

import dev.alive.specs.Host.PortRange;
import dev.alive.specs.Host.Services;
import dev.alive.specs.Host.Users;
import java.util.Optional;

/**
 * The defaults of a host profile, with paths relative to its root: the two built-ins, and the
 * {@code base:} a host profile file starts from.
 */
record HostLayout(
        String state,
        String sites,
        String envDir,
        PortRange ports,
        String serverIp,
        Optional<String> wildcardDomain,
        Users users,
        Services services,
        ProxyChoice proxy,
        String proxySitesDir,
        String mainCaddyfile,
        String adminAddress,
        String listenAddress,
        int keepReleases) {

    /** A proxy kind as written; {@code auto} means Caddy when {@code caddy} is on the PATH. */
    enum ProxyChoice { CADDY, NONE, AUTO }

    static final PortRange PORTS = new PortRange(3333, 3999);
    static final int KEEP_RELEASES = 5;
    /** Runs kept per site, both built-ins (not a component: it does not differ between them). */
    static final int KEEP_RUNS = Host.DEFAULT_KEEP_RUNS;

    static final HostLayout LOCAL = new HostLayout("sqlite:state.db", "sites", "env", PORTS, "127.0.0.1",
            Optional.empty(), Users.NONE, Services.PROCESS, ProxyChoice.AUTO, "caddy/sites", "caddy/Caddyfile",
            "127.0.0.1:2019", "127.0.0.1:8080", KEEP_RELEASES);

    static final HostLayout PRODUCTION = new HostLayout("sqlite:var/lib/alive/state.db", "srv/sites", "etc/sites",
            PORTS, "127.0.0.1", Optional.empty(), Users.CREATE, Services.SYSTEMD, ProxyChoice.CADDY,
            "etc/caddy/sites", "etc/caddy/Caddyfile", "localhost:2019", ":443", KEEP_RELEASES);

    static HostLayout named(String base) {
        return base.equals("production") ? PRODUCTION : LOCAL;
    }
}
