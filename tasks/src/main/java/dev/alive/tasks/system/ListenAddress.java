package dev.alive.tasks.system;

/** A {@code host:port} address ({@code 127.0.0.1:8080}, {@code [::1]:8080}, {@code :443}); host may be empty. */
public record ListenAddress(String host, int port) {
    public ListenAddress {
        if (!host.isEmpty() && !host.matches("[A-Za-z0-9.:-]+")) {
            throw new IllegalArgumentException("not a host: " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /** Parses {@code host:port}; an empty address means {@code :443}. */
    public static ListenAddress parse(String address) {
        if (address == null || address.isBlank()) {
            return new ListenAddress("", 443);
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address needs a port, e.g. 127.0.0.1:8080: " + address);
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new ListenAddress(host, Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address needs a numeric port: " + address, e);
        }
    }

    /** The address for a URL or Caddyfile, IPv6 hosts in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
