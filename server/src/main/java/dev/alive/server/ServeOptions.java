package dev.alive.server;

import dev.alive.deploy.api.SubdomainSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code alive serve} listens and what it allows.
 *
 * @param host the address to listen on (loopback unless told otherwise)
 * @param port 0 picks a free one
 * @param maxBodyBytes a larger request body is refused unread
 * @param idleTimeout a client sending nothing for this long is cut off (slow clients)
 * @param specs the spec folder (a fleet) the site endpoints plan and apply from; empty: none
 * @param failedLogins failed logins one source may make per {@code failedLoginWindow} before it gets 429
 */
public record ServeOptions(String host, int port, int maxBodyBytes, Duration idleTimeout, int failedLogins,
                           Duration failedLoginWindow, Duration drainTimeout, SubdomainSettings subdomains,
                           Optional<Path> specs) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:7070";

    public static ServeOptions defaults(SubdomainSettings subdomains) {
        return new ServeOptions("127.0.0.1", 7070, 64 * 1024, Duration.ofSeconds(30), 10, Duration.ofMinutes(1),
                Duration.ofMinutes(10), subdomains, Optional.empty());
    }

    public ServeOptions withListen(String host, int port) {
        return new ServeOptions(host, port, maxBodyBytes, idleTimeout, failedLogins, failedLoginWindow, drainTimeout, subdomains, specs);
    }

    public ServeOptions withSpecs(Path folder) {
        return new ServeOptions(host, port, maxBodyBytes, idleTimeout, failedLogins, failedLoginWindow, drainTimeout, subdomains,
                Optional.of(folder));
    }

    public ServeOptions withIdleTimeout(Duration timeout) {
        return new ServeOptions(host, port, maxBodyBytes, timeout, failedLogins, failedLoginWindow, drainTimeout, subdomains, specs);
    }

    public ServeOptions withFailedLogins(int count, Duration window) {
        return new ServeOptions(host, port, maxBodyBytes, idleTimeout, count, window, drainTimeout, subdomains, specs);
    }
}
