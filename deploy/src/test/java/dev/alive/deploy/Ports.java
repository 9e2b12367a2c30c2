package dev.alive.deploy;

import dev.alive.specs.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports for tests: one the kernel just gave out, or a private range free right now. */
final class Ports {

    private Ports() {
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code size} consecutive ports between 20000 and 29999, each free when checked. */
    static Host.PortRange freeRange(int size) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = 20000 + ThreadLocalRandom.current().nextInt(10000 - size);
            if (allFree(first, size)) {
                return new Host.PortRange(first, first + size - 1);
            }
        }
        throw new IllegalStateException("no " + size + " free consecutive ports in 20000-29999");
    }

    private static boolean allFree(int first, int size) {
        for (int port = first; port < first + size; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
