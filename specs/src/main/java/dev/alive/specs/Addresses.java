package dev.alive.specs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IP addresses and {@code host:port} addresses written in host profiles. */
final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.-]*):([0-9]{1,5})");

    private Addresses() {
    }

    static boolean isIp(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !IPV6.matcher(text).matches() || text.length() > 45) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int doubleColons = text.split("::", -1).length - 1;
        return doubleColons <= 1 && groups.length <= 8 && (doubleColons == 1 || groups.length == 8)
                && java.util.Arrays.stream(groups).allMatch(g -> g.length() <= 4 || IPV4.matcher(g).matches());
    }

    /**
     * A problem with a {@code host:port} address, or empty when it is fine.
     *
     * @param hostRequired false allows {@code :443} (every interface)
     */
    static Optional<String> hostPortProblem(String address, boolean hostRequired) {
        if (address.startsWith("unix/") && hostRequired) {
            return address.length() > "unix/".length() ? Optional.empty()
                    : Optional.of("names no socket path; e.g. unix//run/caddy-admin.sock");
        }
        Matcher matcher = HOST_PORT.matcher(address);
        if (!matcher.matches()) {
            return Optional.of("is not a host:port address; e.g. " + (hostRequired ? "127.0.0.1:2019" : ":443"));
        }
        if (hostRequired && matcher.group(1).isEmpty()) {
            return Optional.of("names no host; e.g. 127.0.0.1:2019");
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            return Optional.of("has port " + port + ", which is not a TCP port (1-65535)");
        }
        return Optional.empty();
    }
}
