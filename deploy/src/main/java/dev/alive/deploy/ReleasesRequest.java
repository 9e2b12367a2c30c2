package dev.alive.deploy;

/** The site whose retained releases {@link HostOperations#releases} lists. */
public record ReleasesRequest(String domain) {
}
