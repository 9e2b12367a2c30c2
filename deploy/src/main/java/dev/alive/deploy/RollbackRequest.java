package dev.alive.deploy;

import dev.alive.engine.ApplyOptions;
import dev.alive.specs.Site;
import java.util.Optional;

/**
 * A rollback of the site (its spec says how the service starts and is checked) to the retained
 * release {@code to}, or without one to the newest retained release that is not current.
 */
public record RollbackRequest(Site site, Optional<String> to, ApplyOptions options) {
}
