package dev.alive.tasks;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.specs.Host;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.CaddyConfig;
import dev.alive.tasks.system.CommandRunner;
import dev.alive.tasks.system.FileOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Caddy in front of the sites. Where alive also runs the apps ({@code services: process}, the
 * local profile) it owns Caddy too: it writes the main Caddyfile and starts Caddy when its admin
 * endpoint does not answer. Elsewhere the main Caddyfile and the Caddy service are the operator's,
 * and alive only adds site files to the folder it imports.
 *
 * <p>Reloads are coalesced: a reload that starts after a request covers it, so sites that finish
 * together share one reload, and an apply of one site reloads once.
 */
final class CaddySiteProxy implements SiteProxy {

    private final Host.Proxy config;
    private final boolean owned;
    private final Caddy caddy;
    private final Path home;
    private final Object reloading = new Object();
    private long requested;
    private long completed;

    CaddySiteProxy(Host host, CommandRunner commands) {
        this.config = host.proxy();
        this.owned = host.services() == Host.Services.PROCESS;
        this.home = host.root().resolve("var/lib/alive/caddy");
        this.caddy = new Caddy(commands, home);
    }

    @Override
    public String siteConfig(SiteContext site, int port) {
        return CaddyConfig.siteFile(site.spec().domain(), port, config.listenAddress(), snippets());
    }

    @Override
    public synchronized void prepare() {
        try {
            Files.createDirectories(config.sitesDir());
            if (owned) {
                var text = CaddyConfig.localMainCaddyfile(config.adminAddress(), home.resolve("storage"),
                        config.sitesDir());
                var main = config.mainCaddyfile();
                if (!Files.exists(main) || !Files.readString(main).equals(text)) {
                    Files.createDirectories(main.getParent());
                    FileOps.writeAtomically(main, text.getBytes(StandardCharsets.UTF_8), "rw-r--r--");
                }
                if (!caddy.isRunning(config.adminAddress())) {
                    caddy.start(main);
                }
            } else if (!Files.isRegularFile(config.mainCaddyfile())) {
                throw new AliveException(ErrorCategory.INVALID_INPUT, "the main Caddyfile " + config.mainCaddyfile()
                        + " does not exist: it must import " + config.sitesDir().resolve("*.caddy"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void validate() {
        caddy.validate(config.mainCaddyfile());
    }

    @Override
    public void reload() {
        long mine;
        synchronized (this) {
            mine = ++requested;
        }
        synchronized (reloading) {
            long covered;
            synchronized (this) {
                if (completed >= mine) {
                    return;
                }
                covered = requested;
            }
            caddy.reload(config.mainCaddyfile(), config.adminAddress());
            synchronized (this) {
                completed = covered;
            }
        }
    }

    private Set<String> snippets() {
        try {
            var main = config.mainCaddyfile();
            return Files.exists(main) ? CaddyConfig.definedSnippets(Files.readString(main)) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
