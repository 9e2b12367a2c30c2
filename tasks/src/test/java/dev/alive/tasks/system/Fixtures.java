package dev.alive.tasks.system;

import dev.alive.specs.Host;
import dev.alive.specs.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Site and host records for tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Site site(String domain, String start) {
        return new Site(Path.of("/specs/site.yaml"), domain, new Site.Owner("owner@example.com", "Example"),
                Path.of("/specs/template"),
                new Site.App(".", Optional.of("bun install"), Optional.empty(), start, Map.of()),
                new Site.Health("/", Duration.ofSeconds(30)), new Site.Port.Auto());
    }

    static Host production() {
        return new Host("production", Path.of("/"), "postgresql://localhost/alive", Path.of("/srv/sites"),
                Path.of("/etc/sites"), new Host.PortRange(3333, 3999), "203.0.113.10", Optional.of("alive.best"),
                Host.Users.CREATE, Host.Services.SYSTEMD,
                new Host.Proxy(Host.Proxy.Kind.CADDY, Path.of("/etc/caddy/sites"), Path.of("/etc/caddy/Caddyfile"),
                        "127.0.0.1:2019", ":443"),
                5);
    }
}
