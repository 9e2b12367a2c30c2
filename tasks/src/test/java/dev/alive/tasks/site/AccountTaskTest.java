package dev.alive.tasks.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.engine.task.Output;
import dev.alive.engine.task.TaskId;
import dev.alive.state.Accounts;
import dev.alive.state.AliveDatabase;
import dev.alive.tasks.OwnerPassword;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's account, shared by the sites of one owner, on a real SQLite state store (bcrypt cost 12: slow). */
@Tag("slow")
class AccountTaskTest {

    private static final String EMAIL = "owner@example.com";
    private static final String ORG = "Example";
    private static final OwnerPassword PASSWORD = OwnerPassword.of("correct horse battery staple");

    @TempDir
    Path dir;

    private AliveDatabase database;
    private final AccountClaims claims = new AccountClaims();

    @BeforeEach
    void open() {
        database = AliveDatabase.open("sqlite:" + dir.resolve("state.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AccountTask task(String site, OwnerPassword password, Accounts accounts) {
        return new AccountTask(TaskId.of(site, "account"), Set.of(), EMAIL, ORG, password, accounts, claims);
    }

    private static FakeContext context(String site) {
        return new FakeContext(TaskId.of(site, "account"), Map.of());
    }

    @Test
    void sitesOfANewOwnerDeployedTogetherCreateItOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(3);
        try {
            var runs = new ArrayList<Callable<Map<String, Output>>>();
            for (var site : List.of("a.test", "b.test", "c.test")) {
                runs.add(() -> task(site, PASSWORD, database.accounts()).run(context(site)));
            }
            var outputs = new ArrayList<Map<String, Output>>();
            for (var future : pool.invokeAll(runs)) {
                outputs.add(future.get());
            }

            assertThat(outputs).extracting(o -> o.get("orgId")).containsOnly(outputs.get(0).get("orgId"));
            assertThat(outputs).extracting(o -> o.get("userId")).containsOnly(outputs.get(0).get("userId"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void undoKeepsTheOwnerItCreatedWhileAnotherSiteUsesIt() throws Exception {
        var creator = context("a.test");
        task("a.test", PASSWORD, database.accounts()).run(creator);
        task("b.test", OwnerPassword.none(), database.accounts()).run(context("b.test"));

        task("a.test", PASSWORD, database.accounts()).undo(creator);

        assertThat(database.accounts().findUser(EMAIL)).isPresent();
        assertThat(creator.logged()).contains("kept the account of owner@example.com: other sites of this apply use it");
    }

    @Test
    void undoDeletesTheOwnerItCreatedWhenNoOtherSiteUsesIt() throws Exception {
        var creator = context("a.test");
        var other = context("b.test");
        task("a.test", PASSWORD, database.accounts()).run(creator);
        task("b.test", OwnerPassword.none(), database.accounts()).run(other);
        task("b.test", OwnerPassword.none(), database.accounts()).undo(other);

        task("a.test", PASSWORD, database.accounts()).undo(creator);

        assertThat(database.accounts().findUser(EMAIL)).isEmpty();
    }

    @Test
    void wrongPasswordForAnExistingOwnerChangesNothing() throws Exception {
        task("a.test", PASSWORD, database.accounts()).run(context("a.test"));
        var wrong = context("b.test");

        assertThatThrownBy(() -> task("b.test", OwnerPassword.of("not it"), database.accounts()).run(wrong))
                .hasMessage("wrong password for owner@example.com");
        assertThat(wrong.notes()).isEmpty();
    }

    @Test
    void aFailureToStoreTheOwnerDoesNotShowItsPasswordHash() {
        var refusing = new RefusingAccounts(database.accounts());

        assertThatThrownBy(() -> task("a.test", PASSWORD, refusing).run(context("a.test")))
                .isInstanceOf(AccountTask.AccountException.class)
                .hasNoCause()
                .hasMessageStartingWith("cannot create user owner@example.com in the state store")
                .hasMessageNotContaining("$2");
    }

    /** Refuses to create users the way JDBI fails: with the bound values in the message. */
    private record RefusingAccounts(Accounts real) implements Accounts {
        @Override
        public Optional<User> findUser(String email) {
            return real.findUser(email);
        }

        @Override
        public User createUser(String email, String passwordHash) {
            throw new IllegalStateException("insert failed [arguments: {passwordHash:" + passwordHash + "}]");
        }

        @Override
        public Ensured<User> ensureUser(String email, String newPasswordHash) {
            throw new IllegalStateException("insert failed [arguments: {passwordHash:" + newPasswordHash + "}]");
        }

        @Override
        public Optional<Org> findOwnedOrg(UUID userId, String name) {
            return real.findOwnedOrg(userId, name);
        }

        @Override
        public Ensured<Org> ensureOwnedOrg(UUID userId, String name) {
            return real.ensureOwnedOrg(userId, name);
        }

        @Override
        public Org createOrg(String name) {
            return real.createOrg(name);
        }

        @Override
        public Optional<Org> findOrg(UUID orgId) {
            return real.findOrg(orgId);
        }

        @Override
        public Optional<String> role(UUID orgId, UUID userId) {
            return real.role(orgId, userId);
        }

        @Override
        public Optional<User> firstOwner(UUID orgId) {
            return real.firstOwner(orgId);
        }

        @Override
        public boolean addMembership(UUID orgId, UUID userId, String role) {
            return real.addMembership(orgId, userId, role);
        }

        @Override
        public void deleteMembership(UUID orgId, UUID userId) {
            real.deleteMembership(orgId, userId);
        }

        @Override
        public void deleteOrg(UUID orgId) {
            real.deleteOrg(orgId);
        }

        @Override
        public void deleteUser(UUID userId) {
            real.deleteUser(userId);
        }
    }
}
