package dev.alive.deploy;

import java.util.Optional;

/** Which sites {@link HostOperations#status} lists: one or all, of this host or of every host sharing its store. */
public record StatusRequest(Optional<String> domain, boolean allHosts) {
}
