package dev.alive.deploy.api;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * How the server deploys subdomains.
 *
 * @param templates folder of templates, each {@code <id>/site.yaml} (its domain and owner are replaced)
 * @param defaultTemplate the id used when a request names none
 * @param siteLimit sites an org may have, unless {@code orgLimits} names its own
 */
public record SubdomainSettings(Path templates, String defaultTemplate, int siteLimit, Map<UUID, Integer> orgLimits) {
    public SubdomainSettings {
        orgLimits = Map.copyOf(orgLimits);
        if (siteLimit < 0) {
            throw new IllegalArgumentException("site limit must be 0 or more, not " + siteLimit);
        }
    }

    public int limitOf(UUID orgId) {
        return orgLimits.getOrDefault(orgId, siteLimit);
    }
}
