package dev.alive.tasks.system;

import java.util.Optional;

/** An IPv4 CIDR range such as {@code 104.16.0.0/13}. */
public record Ipv4Range(long network, int prefixLength) {

    public static Ipv4Range parse(String cidr) {
        int slash = cidr.indexOf('/');
        long address = toLong(cidr.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IPv4 range: " + cidr));
        int length = Integer.parseInt(cidr.substring(slash + 1));
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("not an IPv4 range: " + cidr);
        }
        return new Ipv4Range(address & mask(length), length);
    }

    /** Whether {@code address} (dotted quad) is inside; false for anything that is not IPv4. */
    public boolean contains(String address) {
        return toLong(address).map(a -> (a & mask(prefixLength)) == network).orElse(false);
    }

    private static long mask(int length) {
        return length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
    }

    static Optional<Long> toLong(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
            value = (value << 8) | Integer.parseInt(part);
        }
        return Optional.of(value);
    }
}
