package dev.alive.tasks.system;

import java.io.IOException;
import java.time.Duration;

/** HTTP to the ports of a machine's own apps, as alive reaches them. */
public interface SiteHttp {

    /** Where a request to {@code port} goes, for messages: {@code 127.0.0.1:<port>} on this machine. */
    String authority(int port);

    /**
     * The status of {@code GET <path>} on {@code port}: no redirects followed, the body discarded.
     *
     * @param timeout for the connection and again for the answer
     * @throws java.net.ConnectException when nothing listens
     * @throws java.net.SocketTimeoutException when no answer comes within {@code timeout}
     */
    int status(int port, String path, Duration timeout) throws IOException;
}
