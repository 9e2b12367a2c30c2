package dev.alive.deploy;

import dev.alive.tasks.SiteReleases;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.util.Optional;

/**
 * The release a rollback makes current: the one asked for, else the newest retained one that is
 * not current; and the one that is current now ({@code previous}, null when none is).
 */
record ReleaseChoice(SiteReleases.Release target, String previous) {

    static ReleaseChoice of(SiteReleases retained, String domain, Optional<String> to) {
        var previous = retained.current().map(SiteReleases.Release::id).orElse(null);
        var target = to.isPresent()
                ? retained.find(to.get()).orElseThrow(() -> new AliveException(ErrorCategory.FAILED, "release "
                        + to.get() + " of " + domain + " is not retained; alive releases " + domain
                        + " lists those that are"))
                : retained.previous().orElseThrow(() -> new AliveException(ErrorCategory.FAILED,
                        "no earlier release of " + domain + " is retained in " + retained.paths().releasesDir()));
        return new ReleaseChoice(target, previous);
    }
}
