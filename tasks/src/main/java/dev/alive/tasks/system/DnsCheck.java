package dev.alive.tasks.system;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a custom domain points at this host: its A records must include the host's
 * server IP. Domains under the host's wildcard domain are skipped (the wildcard record covers
 * them). An address in a Cloudflare proxy range gets its own advice, since the fix is to turn the
 * proxy off rather than to change the record.
 */
public final class DnsCheck {

    /** Looks up the A records (dotted IPv4 addresses) of a name; empty when it has none. */
    @FunctionalInterface
    public interface Resolver {
        List<String> aRecords(String name);
    }

    /** The outcome: skipped, fine, or a message for the operator. */
    public sealed interface Result {
        record Skipped(String reason) implements Result {
        }

        record Resolved(List<String> addresses) implements Result {
        }

        record Failed(String message) implements Result {
        }
    }

    /** Cloudflare's published IPv4 proxy ranges (cloudflare.com/ips-v4). */
    static final List<Ipv4Range> CLOUDFLARE = List.of("173.245.48.0/20", "103.21.244.0/22",
            "103.22.200.0/22", "103.31.4.0/22", "141.101.64.0/18", "108.162.192.0/18", "190.93.240.0/20",
            "188.114.96.0/20", "197.234.240.0/22", "198.41.128.0/17", "162.158.0.0/15", "104.16.0.0/13",
            "104.24.0.0/14", "172.64.0.0/13", "131.0.72.0/22").stream().map(Ipv4Range::parse).toList();

    private final Resolver resolver;

    /** Resolves through the JDK ({@link InetAddress}, i.e. the system resolver). */
    public DnsCheck() {
        this(DnsCheck::systemARecords);
    }

    public DnsCheck(Resolver resolver) {
        this.resolver = resolver;
    }

    public Result check(String domain, String serverIp, Optional<String> wildcardDomain) {
        if (wildcardDomain.isPresent() && domain.endsWith("." + wildcardDomain.get())) {
            return new Result.Skipped(domain + " is under *." + wildcardDomain.get());
        }
        List<String> addresses = resolver.aRecords(domain);
        if (addresses.contains(serverIp)) {
            return new Result.Resolved(addresses);
        }
        if (addresses.isEmpty()) {
            return new Result.Failed(domain + " has no A record: add one pointing at " + serverIp);
        }
        Optional<String> proxied = addresses.stream()
                .filter(a -> CLOUDFLARE.stream().anyMatch(range -> range.contains(a))).findFirst();
        if (proxied.isPresent()) {
            return new Result.Failed(domain + " resolves to " + proxied.get() + ", a Cloudflare proxy address: "
                    + "turn the proxy off (grey cloud) so that it resolves to " + serverIp);
        }
        return new Result.Failed(domain + " resolves to " + String.join(", ", addresses)
                + ", not to this server: point its A record at " + serverIp);
    }

    private static List<String> systemARecords(String name) {
        try {
            return Arrays.stream(InetAddress.getAllByName(name))
                    .filter(Inet4Address.class::isInstance)
                    .map(InetAddress::getHostAddress)
                    .distinct()
                    .toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
