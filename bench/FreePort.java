/** Prints a TCP port on 127.0.0.1 nobody listens on right now (for bench/classlist). */
public class FreePort {
    public static void main(String[] args) throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            System.out.println(socket.getLocalPort());
        }
    }
}
