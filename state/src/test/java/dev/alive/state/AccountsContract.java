package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Accounts} on each database; every test uses addresses and org names of its own. */
abstract class AccountsContract {
    /** Races are repeated: one round may happen not to overlap. */
    private static final int ROUNDS = 15;
    private static final String HASH = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    protected abstract AliveDatabase open();

    private AliveDatabase db;
    private Accounts accounts;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void openDatabase() {
        db = open();
        accounts = db.accounts();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void createsAUserAndFindsItByEmailInAnyCase() {
        var user = accounts.createUser(email("owner"), HASH);

        var found = accounts.findUser(email("OWNER").toUpperCase()).orElseThrow();

        assertThat(found).isEqualTo(user);
        assertThat(found.passwordHash()).isEqualTo(HASH);
        assertThat(found.toString()).doesNotContain(HASH);
        assertThat(accounts.findUser(email("nobody"))).isEmpty();
    }

    @Test
    void tellsAMembersRoleAndAnOrgsFirstOwner() {
        var owner = accounts.createUser(email("b-owner"), HASH);
        var member = accounts.createUser(email("a-member"), HASH);
        var stranger = accounts.createUser(email("stranger"), HASH);
        var org = accounts.createOrg("org " + tag);
        accounts.addMembership(org.orgId(), owner.userId(), "owner");
        accounts.addMembership(org.orgId(), member.userId(), "member");

        assertThat(accounts.findOrg(org.orgId())).contains(org);
        assertThat(accounts.findOrg(UUID.randomUUID())).isEmpty();
        assertThat(accounts.role(org.orgId(), owner.userId())).contains("owner");
        assertThat(accounts.role(org.orgId(), member.userId())).contains("member");
        assertThat(accounts.role(org.orgId(), stranger.userId())).isEmpty();
        assertThat(accounts.firstOwner(org.orgId()).map(Accounts.User::userId)).contains(owner.userId());
        assertThat(accounts.firstOwner(accounts.createOrg("empty " + tag).orgId())).isEmpty();
    }

    @Test
    void refusesASecondUserWithTheSameEmailWithoutShowingTheHash() {
        accounts.createUser(email("owner"), HASH);

        var failure = catchThrowable(() -> accounts.createUser(email("owner"), HASH.replace('R', 'S')));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("user " + email("owner") + " already exists");
        var printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(HASH.replace('R', 'S')).doesNotContain(HASH.substring(7));
    }

    @Test
    void neverShowsTheHashWhenTheDatabaseRefusesTheRow() {
        var failure = catchThrowable(() -> accounts.createUser(null, HASH)); // email is NOT NULL

        assertThat(failure).isNotNull();
        var printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(HASH.substring(7));
    }

    @Test
    void findsTheOrgAUserOwnsByName() {
        var owner = accounts.createUser(email("owner"), HASH);
        var member = accounts.createUser(email("member"), HASH);
        var org = accounts.createOrg("acme " + tag);
        accounts.createOrg("acme " + tag + " other");

        assertThat(accounts.addMembership(org.orgId(), owner.userId(), "owner")).isTrue();
        assertThat(accounts.addMembership(org.orgId(), member.userId(), "member")).isTrue();

        assertThat(accounts.findOwnedOrg(owner.userId(), "acme " + tag)).contains(org);
        assertThat(accounts.findOwnedOrg(member.userId(), "acme " + tag)).as("members do not own").isEmpty();
        assertThat(accounts.findOwnedOrg(owner.userId(), "other " + tag)).isEmpty();
    }

    @Test
    void addsAMembershipOnce() {
        var user = accounts.createUser(email("owner"), HASH);
        var org = accounts.createOrg("acme " + tag);
        assertThat(accounts.addMembership(org.orgId(), user.userId(), "owner")).isTrue();
        assertThat(accounts.addMembership(org.orgId(), user.userId(), "owner")).isFalse();
    }

    @Test
    void refusesAnUnknownRole() {
        var user = accounts.createUser(email("owner"), HASH);
        var org = accounts.createOrg("acme " + tag);
        assertThatThrownBy(() -> accounts.addMembership(org.orgId(), user.userId(), "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admin");
    }

    @Test
    void deletesMembershipsOrgsAndUsers() {
        var user = accounts.createUser(email("owner"), HASH);
        var org = accounts.createOrg("acme " + tag);
        accounts.addMembership(org.orgId(), user.userId(), "owner");

        accounts.deleteMembership(org.orgId(), user.userId());
        assertThat(accounts.findOwnedOrg(user.userId(), "acme " + tag)).isEmpty();
        assertThat(accounts.addMembership(org.orgId(), user.userId(), "owner")).isTrue();

        accounts.deleteOrg(org.orgId());
        assertThat(accounts.findOwnedOrg(user.userId(), "acme " + tag)).isEmpty();
        accounts.deleteUser(user.userId());
        assertThat(accounts.findUser(email("owner"))).isEmpty();
    }

    @Test
    void deletesAUserWithItsMemberships() {
        var user = accounts.createUser(email("owner"), HASH);
        var org = accounts.createOrg("acme " + tag);
        accounts.addMembership(org.orgId(), user.userId(), "owner");

        accounts.deleteUser(user.userId());

        assertThat(accounts.findUser(email("owner"))).isEmpty();
        var again = accounts.createUser(email("owner"), HASH);
        assertThat(accounts.findOwnedOrg(again.userId(), "acme " + tag)).isEmpty();
    }

    @Test
    void ensureUserCreatesOnceThenReturnsTheUserThatIsThere() {
        var first = accounts.ensureUser(email("owner"), HASH);
        var second = accounts.ensureUser(email("OWNER").toUpperCase(), HASH.replace('R', 'S'));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.value().passwordHash()).isEqualTo(HASH);
    }

    @Test
    void concurrentEnsureUserCallsMakeOneUser() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            var email = email("racer" + round);
            var results = concurrently(8, () -> accounts.ensureUser(email, HASH));

            assertThat(results).filteredOn(Accounts.Ensured::created).hasSize(1);
            assertThat(results.stream().map(r -> r.value().userId()).distinct()).hasSize(1);
        }
    }

    @Test
    void concurrentEnsureOwnedOrgCallsMakeOneOrgWithOneOwnerMembership() throws Exception {
        var user = accounts.createUser(email("owner"), HASH);
        for (int round = 0; round < ROUNDS; round++) {
            var name = "acme " + tag + " " + round;
            var results = concurrently(8, () -> accounts.ensureOwnedOrg(user.userId(), name));

            assertThat(results).filteredOn(Accounts.Ensured::created).hasSize(1);
            assertThat(results.stream().map(r -> r.value().orgId()).distinct()).hasSize(1);
            assertThat(accounts.findOwnedOrg(user.userId(), name)).contains(results.get(0).value());
        }
        assertThat(accounts.ensureOwnedOrg(user.userId(), "acme " + tag + " 0").created()).isFalse();
    }

    private static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String email(String who) {
        return who + "-" + tag + "@example.com";
    }
}
