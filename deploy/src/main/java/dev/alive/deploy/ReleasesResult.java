package dev.alive.deploy;

import dev.alive.tasks.SiteReleases;
import dev.alive.deploy.document.Document;
import java.util.List;

/**
 * The releases a site keeps, newest first, and the one {@code current} points at (null when
 * none); also the releases document.
 */
public record ReleasesResult(String site, String releasesDir, String current, List<Release> releases)
        implements Document {

    /** @param madeAt when the release folder was last written (its copy, then its build), ISO-8601 */
    public record Release(String id, String madeAt, boolean current) {
    }

    static ReleasesResult of(String domain, SiteReleases retained) {
        var releases = retained.releases().stream()
                .map(release -> new Release(release.id(), release.madeAt().toString(), release.current()))
                .toList();
        return new ReleasesResult(domain, retained.paths().releasesDir().toString(),
                retained.current().map(SiteReleases.Release::id).orElse(null), releases);
    }
}
