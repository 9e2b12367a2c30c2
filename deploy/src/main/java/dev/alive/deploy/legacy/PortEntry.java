package dev.alive.deploy.legacy;

/**
 * One domain's port as one source states it.
 *
 * @param source where it was read, for messages: a file and line, or the state store's table
 */
public record PortEntry(String domain, int port, String source) {
}
