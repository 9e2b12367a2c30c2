package dev.alive.tasks;

import dev.alive.specs.Host;
import dev.alive.tasks.system.CommandRunner;
import java.util.Optional;

/**
 * The reverse proxy in front of the sites (Caddy): one file per site in the proxy's sites folder,
 * the whole configuration validated before it goes live, reloads coalesced so that sites finishing
 * together share one reload.
 */
public interface SiteProxy {

    /** Caddy on this machine, or empty when the host profile has no proxy. */
    static Optional<SiteProxy> local(Host host, CommandRunner commands) {
        return host.proxy().kind() == Host.Proxy.Kind.CADDY
                ? Optional.of(new CaddySiteProxy(host, commands))
                : Optional.empty();
    }

    /** The site's block: {@code reverse_proxy localhost:<port>} with the forwarded headers. */
    String siteConfig(SiteContext site, int port);

    /** Makes sure the main configuration exists and, where alive runs the proxy itself, that it runs. */
    void prepare();

    /** Validates the whole configuration as it is on disk now; throws with the proxy's own message. */
    void validate();

    /** Makes the configuration on disk live. */
    void reload();
}
