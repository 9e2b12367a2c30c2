package dev.alive.deploy;

import dev.alive.engine.ApplyOptions;
import dev.alive.specs.Site;

/** The site {@link HostOperations#destroy} removes (its spec as last applied), and how long to wait for its lock. */
public record DestroyRequest(Site site, ApplyOptions options) {
}
