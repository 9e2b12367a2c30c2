package dev.alive.tasks;

import dev.alive.specs.Host;
import dev.alive.specs.Site;
import java.nio.file.Path;

/**
 * Where everything of one site lives on the host, derived from the host profile alone, so that
 * tasks, destroy and status agree on it.
 */
public record SitePaths(
        Path siteDir,
        Path releasesDir,
        Path depsDir,
        Path currentLink,
        Path envFile,
        Path serviceDir,
        Path proxyFile) {

    public static SitePaths of(Site site, Host host) {
        return of(site.domain(), site.slug(), host);
    }

    public static SitePaths of(String domain, String slug, Host host) {
        var siteDir = host.sites().resolve(domain);
        return new SitePaths(
                siteDir,
                siteDir.resolve("releases"),
                siteDir.resolve("deps"),
                siteDir.resolve("current"),
                host.envDir().resolve(slug + ".env"),
                host.root().resolve("services"),
                host.proxy().sitesDir().resolve(domain + ".caddy"));
    }

    public Path release(String releaseId) {
        return releasesDir.resolve(releaseId);
    }

    public Path deps(String installFingerprint) {
        return depsDir.resolve(installFingerprint);
    }
}
