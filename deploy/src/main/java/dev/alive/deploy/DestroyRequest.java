package dev.alive.deploy;

import dev.alive.engine.ApplyOptions;
import dev.alive.specs.Site;

/**
 * The site {@link HostOperations#destroy} removes (its spec as last applied), and how long to wait for its lock.
 *
 * @param force also destroy an adopted (as-is) site, which is protected otherwise
 */
public record DestroyRequest(Site site, ApplyOptions options, boolean force) {

    public DestroyRequest(Site site, ApplyOptions options) {
        this(site, options, false);
    }
}
