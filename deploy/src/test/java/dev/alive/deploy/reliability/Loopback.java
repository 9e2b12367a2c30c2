package dev.alive.deploy.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports and a bare HTTP/1.1 GET with any Host header (java.net.http refuses to set Host). */
final class Loopback {

    private Loopback() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first of {@code size} consecutive ports between 10000 and 19999, each free when checked:
     * below the kernel's ephemeral ports (32768 and up), which an outgoing connection such as the
     * store's pool may take at any time.
     */
    static int freeRange(int size) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = 10000 + ThreadLocalRandom.current().nextInt(10000 - size);
            boolean free = true;
            for (int port = first; port < first + size && free; port++) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no " + size + " free consecutive ports in 10000-19999");
    }

    /** "status body" of a GET, or "unreachable: why" when nothing answers. */
    static String get(String hostPort, String host, String path) {
        int colon = hostPort.lastIndexOf(':');
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int bodyStart = response.indexOf("\r\n\r\n");
            return response.substring(9, 12) + " " + (bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            return "unreachable: " + e.getClass().getSimpleName();
        }
    }
}
