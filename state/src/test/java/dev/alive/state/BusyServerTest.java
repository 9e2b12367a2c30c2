package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL server without a free connection slot (here: a role whose connection limit is used
 * up, which the server reports like a full {@code max_connections}) is waited for, not failed on.
 */
class BusyServerTest {
    private static final String ROLE = "alive_busy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private static TestPostgres postgres;
    private static String url;

    @BeforeAll
    static void databaseOwnedByARoleAllowedOneConnection() {
        postgres = TestPostgres.create();
        maintenance("create role " + ROLE + " login");
        var database = postgres.url().substring(postgres.url().lastIndexOf('/') + 1);
        postgres.execute("alter database " + database + " owner to " + ROLE);
        url = "postgresql://" + ROLE + "@" + TestPostgres.SERVER + "/" + database;
        AliveDatabase.open(url).close(); // migrated by the role, so it owns alive's tables
        maintenance("alter role " + ROLE + " connection limit 1");
    }

    @AfterAll
    static void dropDatabaseAndRole() {
        if (postgres != null) {
            postgres.close();
        }
        maintenance("drop role if exists " + ROLE);
    }

    @Test
    void waitsForAFreeConnectionSlotInsteadOfFailing() throws Exception {
        CompletableFuture<AliveDatabase> opening;
        try (Connection slotTaken = connectAsRole()) {
            opening = CompletableFuture.supplyAsync(() -> AliveDatabase.open(url));
            Thread.sleep(700);
            assertThat(opening).as("opened while the only slot was taken").isNotDone();
        }
        try (var database = opening.get(30, TimeUnit.SECONDS)) {
            assertThat(database.domains().list(Optional.empty())).isEmpty();
        }
    }

    @Test
    void givesUpAfterItsPatienceNamingTheReason() throws Exception {
        try (Connection slotTaken = connectAsRole()) {
            long started = System.nanoTime();
            var failure = catchThrowableOfType(StateStoreUnavailableException.class,
                    () -> AliveDatabase.open(DatabaseUrl.parse(url), Duration.ofSeconds(1)));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(failure).hasMessage("cannot reach the state store at " + TestPostgres.SERVER
                    + ": too many connections for role \"" + ROLE + "\" (still after waiting 1 s)");
        }
    }

    @Test
    void otherFailuresAreNotRetried() {
        long started = System.nanoTime();
        catchThrowableOfType(StateStoreUnavailableException.class,
                () -> AliveDatabase.open("postgresql://" + ROLE + "@" + TestPostgres.SERVER + "/no_such_database_here"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    /** Takes the role's one slot, once the server has ended the backend of the last test's connection. */
    private static Connection connectAsRole() throws SQLException {
        var jdbcUrl = "jdbc:postgresql://" + TestPostgres.SERVER + "/" + url.substring(url.lastIndexOf('/') + 1);
        return new BusyServerRetry(Duration.ofSeconds(10)).connect(() -> DriverManager.getConnection(jdbcUrl, ROLE, ""));
    }

    private static void maintenance(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + TestPostgres.SERVER + "/postgres",
                "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
