package dev.alive.tasks.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain blocking {@code GET} to a local HTTP endpoint (a site's port, Caddy's admin address):
 * no proxy, no redirects followed, no keep-alive. It uses {@link HttpURLConnection} rather than
 * {@code java.net.http.HttpClient} on purpose: that client sets up TLS when it is built and keeps a
 * selector thread in native code, which delays every alive run's exit by about 300 ms.
 */
final class LocalHttp {

    /** A status line and, when asked for, the body as text. */
    record Response(int status, String body) {
    }

    private LocalHttp() {
    }

    /**
     * @param timeout for the connection and again for the answer
     * @throws java.net.ConnectException when nothing listens
     * @throws java.net.SocketTimeoutException when no answer comes within {@code timeout}
     */
    static Response get(URI uri, Duration timeout, boolean readBody) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        connection.setConnectTimeout(millis);
        connection.setReadTimeout(millis);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setRequestProperty("Connection", "close");
        try {
            int status = connection.getResponseCode();
            if (status < 0) {
                throw new IOException("the answer is not HTTP");
            }
            String body = "";
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (stream != null) {
                try (stream) {
                    body = readBody ? new String(stream.readAllBytes(), StandardCharsets.UTF_8) : discard(stream);
                }
            }
            return new Response(status, body);
        } finally {
            connection.disconnect();
        }
    }

    private static String discard(InputStream stream) throws IOException {
        stream.transferTo(OutputStream.nullOutputStream());
        return "";
    }
}
