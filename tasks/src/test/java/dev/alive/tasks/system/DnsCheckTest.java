package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.tasks.system.DnsCheck.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsCheckTest {
    private static final String SERVER = "203.0.113.10";
    private final List<String> asked = new ArrayList<>();

    private DnsCheck dnsWith(Map<String, List<String>> records) {
        return new DnsCheck(name -> {
            asked.add(name);
            return records.getOrDefault(name, List.of());
        });
    }

    @Test
    void acceptsADomainWhoseRecordsIncludeTheServer() {
        Result result = dnsWith(Map.of("shop.example.com", List.of("198.51.100.7", SERVER)))
                .check("shop.example.com", SERVER, Optional.of("alive.best"));

        assertThat(result).isEqualTo(new Result.Resolved(List.of("198.51.100.7", SERVER)));
    }

    @Test
    void skipsDomainsUnderTheWildcardWithoutResolving() {
        Result result = dnsWith(Map.of()).check("hello.alive.best", SERVER, Optional.of("alive.best"));

        assertThat(result).isInstanceOf(Result.Skipped.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void doesNotSkipTheWildcardDomainItselfOrALookalike() {
        DnsCheck dns = dnsWith(Map.of());

        assertThat(dns.check("alive.best", SERVER, Optional.of("alive.best"))).isInstanceOf(Result.Failed.class);
        assertThat(dns.check("evilalive.best", SERVER, Optional.of("alive.best"))).isInstanceOf(Result.Failed.class);
    }

    @Test
    void saysWhenThereIsNoRecord() {
        Result result = dnsWith(Map.of()).check("new.example.com", SERVER, Optional.empty());

        assertThat(result).isEqualTo(new Result.Failed("new.example.com has no A record: add one pointing at " + SERVER));
    }

    @Test
    void tellsToTurnOffTheCloudflareProxy() {
        Result result = dnsWith(Map.of("cf.example.com", List.of("104.21.3.4", "172.67.1.1")))
                .check("cf.example.com", SERVER, Optional.empty());

        assertThat(result).isInstanceOfSatisfying(Result.Failed.class, f -> assertThat(f.message())
                .contains("104.21.3.4").contains("Cloudflare proxy").contains("turn the proxy off (grey cloud)"));
    }

    @Test
    void namesTheWrongAddressOtherwise() {
        Result result = dnsWith(Map.of("old.example.com", List.of("198.51.100.7")))
                .check("old.example.com", SERVER, Optional.empty());

        assertThat(result).isEqualTo(new Result.Failed(
                "old.example.com resolves to 198.51.100.7, not to this server: point its A record at " + SERVER));
    }

    @Test
    void knowsTheEdgesOfCloudflareRanges() {
        Ipv4Range range = Ipv4Range.parse("104.16.0.0/13");

        assertThat(range.contains("104.16.0.0")).isTrue();
        assertThat(range.contains("104.23.255.255")).isTrue();
        assertThat(range.contains("104.24.0.0")).isFalse();
        assertThat(range.contains("104.15.255.255")).isFalse();
        assertThat(range.contains("::1")).isFalse();
        assertThat(DnsCheck.CLOUDFLARE).hasSize(15).anyMatch(r -> r.contains("131.0.75.255"));
        assertThat(DnsCheck.CLOUDFLARE).noneMatch(r -> r.contains(SERVER));
    }
}
