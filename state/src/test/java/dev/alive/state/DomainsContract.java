package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Domains} on each database; every test works on hosts and domains of its own. */
abstract class DomainsContract {
    private static final OptionalInt ANY = OptionalInt.empty();

    protected abstract AliveDatabase open();

    private AliveDatabase db;
    private Domains domains;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String host = "host-" + tag;

    @BeforeEach
    void openDatabase() {
        db = open();
        domains = db.domains();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void reservesTheLowestFreePortOfTheHost() {
        var first = domains.reserve(name("a"), host, 3333, 3999, ANY);
        assertThat(first.created()).isTrue();
        assertThat(first.domain().port()).isEqualTo(3333);
        assertThat(first.domain().status()).isEqualTo("reserved");
        assertThat(domains.reserve(name("b"), host, 3333, 3999, ANY).domain().port()).isEqualTo(3334);
        assertThat(domains.reserve(name("c"), host, 3333, 3999, ANY).domain().port()).isEqualTo(3335);

        domains.delete(name("b"));

        assertThat(domains.reserve(name("d"), host, 3333, 3999, ANY).domain().port()).as("the first gap").isEqualTo(3334);
        assertThat(domains.reserve(name("e"), host, 3333, 3999, ANY).domain().port()).isEqualTo(3336);
    }

    @Test
    void keepsADomainsPortWhenReservedAgain() {
        var first = domains.reserve(name("a"), host, 3333, 3999, ANY);
        domains.reserve(name("b"), host, 3333, 3999, ANY);

        var again = domains.reserve(name("a"), host, 3333, 3999, ANY);

        assertThat(again.created()).isFalse();
        assertThat(again.domain()).isEqualTo(first.domain());
        assertThat(domains.find(name("a"))).contains(first.domain());
    }

    @Test
    void reservesARequestedPortWhenItIsFree() {
        var reservation = domains.reserve(name("a"), host, 3333, 3999, OptionalInt.of(3500));
        assertThat(reservation.domain().port()).isEqualTo(3500);
        assertThat(domains.reserve(name("b"), host, 3333, 3999, ANY).domain().port()).isEqualTo(3333);
    }

    @Test
    void refusesARequestedPortTakenByAnotherDomainAndNamesIt() {
        domains.reserve(name("a"), host, 3333, 3999, ANY);

        assertThatThrownBy(() -> domains.reserve(name("b"), host, 3333, 3999, OptionalInt.of(3333)))
                .isInstanceOf(PortUnavailableException.class)
                .hasMessage("port 3333 on host " + host + " is taken by " + name("a"));
        assertThat(domains.find(name("b"))).isEmpty();
    }

    @Test
    void reportsAnExhaustedRange() {
        for (String d : new String[] {"a", "b", "c"}) {
            domains.reserve(name(d), host, 4000, 4002, ANY);
        }
        assertThatThrownBy(() -> domains.reserve(name("d"), host, 4000, 4002, ANY))
                .isInstanceOf(PortUnavailableException.class)
                .hasMessage("no free port in 4000-4002 on host " + host + ": all 3 are taken");
    }

    @Test
    void keepsPortsUniquePerHostOnly() {
        var here = domains.reserve(name("a"), host, 3333, 3999, ANY);
        var there = domains.reserve(name("b"), "other-" + host, 3333, 3999, ANY);
        assertThat(there.domain().port()).isEqualTo(here.domain().port());
    }

    @Test
    void refusesASecondRowWithTheSamePortOnTheSameHost() {
        var taken = domains.reserve(name("a"), host, 3333, 3999, ANY).domain();
        var clash = new Domains.Domain(name("b"), host, taken.port(), null, "reserved", null, now());
        assertThatThrownBy(() -> domains.restore(clash)).as("the unique index on (host, port)")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void deletesADomain() {
        domains.reserve(name("a"), host, 3333, 3999, ANY);
        domains.delete(name("a"));
        assertThat(domains.find(name("a"))).isEmpty();
        domains.delete(name("a"));
    }

    @Test
    void activatesADomainWithItsOrgAndRelease() {
        var org = db.accounts().createOrg("org " + tag);
        var reserved = domains.reserve(name("a"), host, 3333, 3999, ANY).domain();

        domains.activate(name("a"), org.orgId(), "r-20240101");

        var active = domains.find(name("a")).orElseThrow();
        assertThat(active.status()).isEqualTo("active");
        assertThat(active.orgId()).isEqualTo(org.orgId());
        assertThat(active.currentRelease()).isEqualTo("r-20240101");
        assertThat(active.port()).isEqualTo(reserved.port());
        assertThat(active.updatedAt()).isAfterOrEqualTo(reserved.updatedAt());
    }

    @Test
    void refusesToActivateAnUnknownDomain() {
        assertThatThrownBy(() -> domains.activate(name("nowhere"), null, "r1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(name("nowhere"));
    }

    @Test
    void restoresARowExactlyAsItWas() {
        var org = db.accounts().createOrg("org " + tag);
        domains.reserve(name("a"), host, 3333, 3999, ANY);
        domains.activate(name("a"), org.orgId(), "r1");
        var before = domains.find(name("a")).orElseThrow();

        domains.activate(name("a"), org.orgId(), "r2");
        domains.restore(before);
        assertThat(domains.find(name("a"))).contains(before);

        domains.delete(name("a"));
        domains.restore(before);
        assertThat(domains.find(name("a"))).contains(before);
    }

    @Test
    void listsTheDomainsOfOneHostOrOfAllHostsSortedByName() {
        String elsewhere = "other-" + host;
        domains.reserve(name("b"), host, 3333, 3999, ANY);
        domains.reserve(name("a"), host, 3333, 3999, ANY);
        domains.reserve(name("c"), elsewhere, 3333, 3999, ANY);

        assertThat(domains.list(Optional.of(host))).extracting(Domains.Domain::hostname).containsExactly(name("a"), name("b"));
        assertThat(domains.list(Optional.empty())).extracting(Domains.Domain::hostname)
                .containsSubsequence(name("a"), name("b"), name("c"));
    }

    @Test
    void adoptsARowMadeBeforeAliveKeepingItsPort() {
        domains.restore(new Domains.Domain(name("legacy"), null, 3340, null, "active", null, now()));

        var adopted = domains.reserve(name("legacy"), host, 3333, 3999, ANY);

        assertThat(adopted.created()).isFalse();
        assertThat(adopted.domain().host()).isEqualTo(host);
        assertThat(adopted.domain().port()).isEqualTo(3340);
        assertThat(domains.find(name("legacy")).orElseThrow().host()).isEqualTo(host);
    }

    @Test
    void keepsPortsOfRowsWithoutHostOutOfNewReservations() {
        int port = 5000 + Math.floorMod(tag.hashCode(), 1000) * 10;
        domains.restore(new Domains.Domain(name("legacy"), null, port, null, "active", null, now()));
        assertThat(domains.reserve(name("new"), host, port, port + 5, ANY).domain().port()).isEqualTo(port + 1);
        domains.delete(name("legacy"));
    }

    private String name(String label) {
        return label + "-" + tag + ".example.com";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
