package dev.alive.deploy;

import java.util.Optional;

/** Which sites {@link HostOperations#status} lists: one domain or all, of this host or of every host sharing the store. */
public record StatusRequest(Optional<String> domain, boolean allHosts) {
}
