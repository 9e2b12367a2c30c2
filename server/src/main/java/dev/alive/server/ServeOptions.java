package dev.alive.server;

import dev.alive.deploy.api.SubdomainSettings;
import java.time.Duration;

/**
 * How {@code alive serve} listens and what it allows.
 *
 * @param host the address to listen on (loopback unless told otherwise)
 * @param port 0 picks a free one
 * @param maxBodyBytes a larger request body is refused unread
 * @param idleTimeout a client sending nothing for this long is cut off (slow clients)
 * @param failedLogins failed logins one source may make per {@code failedLoginWindow} before it gets 429
 */
public record ServeOptions(String host, int port, int maxBodyBytes, Duration idleTimeout, int failedLogins,
                           Duration failedLoginWindow, Duration drainTimeout, SubdomainSettings subdomains) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:7070";

    public static ServeOptions defaults(SubdomainSettings subdomains) {
        return new ServeOptions("127.0.0.1", 7070, 64 * 1024, Duration.ofSeconds(30), 10, Duration.ofMinutes(1),
                Duration.ofMinutes(10), subdomains);
    }

    public ServeOptions withListen(String host, int port) {
        return new ServeOptions(host, port, maxBodyBytes, idleTimeout, failedLogins, failedLoginWindow, drainTimeout, subdomains);
    }

    public ServeOptions withIdleTimeout(Duration timeout) {
        return new ServeOptions(host, port, maxBodyBytes, timeout, failedLogins, failedLoginWindow, drainTimeout, subdomains);
    }

    public ServeOptions withFailedLogins(int count, Duration window) {
        return new ServeOptions(host, port, maxBodyBytes, idleTimeout, count, window, drainTimeout, subdomains);
    }
}
