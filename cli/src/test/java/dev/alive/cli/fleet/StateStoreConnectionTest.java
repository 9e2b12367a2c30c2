package dev.alive.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How alive finds its PostgreSQL state store, and what it does when it cannot. */
@Tag("slow")
class StateStoreConnectionTest {
    private static final String PASSWORD = "s3cr3t-fleet-pw";

    @TempDir
    Path dir;

    private FreshDatabase database;

    @AfterEach
    void stopSitesAndDropDatabase() {
        SiteProcesses.killAll(dir);
        if (database != null) {
            database.close();
        }
    }

    @Test
    void databaseDownFailsNamingHostAndPortWithoutThePasswordAndTouchesNothing() {
        var fleet = new Fleet(dir);
        var host = fleet.host("down", "postgresql://alive:" + PASSWORD + "@127.0.0.1:1/alive", 23500, 23509);
        var spec = fleet.site("down.fleet.test", "down@fleet.test");

        var apply = Alive.in(dir).run("apply", spec.toString(), "--host", host.toString());

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(69);
        assertThat(apply.err()).as(apply.toString()).contains("127.0.0.1:1").doesNotContain("Exception");
        assertThat(apply.out() + apply.err()).doesNotContain(PASSWORD);
        assertThat(fleet.root("down")).doesNotExist();
    }

    @Test
    void unknownDatabaseHostIsNamed() {
        var fleet = new Fleet(dir);
        var host = fleet.host("nowhere", "postgresql://alive:" + PASSWORD + "@db.invalid:5432/alive", 23500, 23509);

        var status = Alive.in(dir).run("status", "--host", host.toString());

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(69);
        assertThat(status.err()).as(status.toString()).contains("db.invalid:5432").doesNotContain(PASSWORD);
        assertThat(fleet.root("nowhere")).doesNotExist();
    }

    @Test
    void libpqEnvironmentVariablesNameTheDatabaseOfABareStateUrl() {
        database = FreshDatabase.create();
        var fleet = new Fleet(dir);
        var host = fleet.host("libpq", "postgresql://", 23510, 23519);
        var spec = fleet.site("libpq.fleet.test", "libpq@fleet.test");
        var alive = Alive.in(dir).with("PGHOST", FreshDatabase.HOST).with("PGPORT", Integer.toString(FreshDatabase.PORT))
                .with("PGUSER", "postgres").with("PGDATABASE", database.name()).with("PGPASSWORD", PASSWORD);

        var apply = alive.run("apply", spec.toString(), "--host", host.toString());

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out() + apply.err()).doesNotContain(PASSWORD);
        assertThat(database.rows("select hostname, port from app.domains"))
                .containsExactly(java.util.Map.of("hostname", "libpq.fleet.test", "port", 23510));
        var quotedShortForm = fleet.host("libpq-short", "\"postgresql:\"", 23510, 23519);
        var elsewhere = alive.with("PGPORT", "1").run("status", "--host", quotedShortForm.toString());
        assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isEqualTo(69);
        assertThat(elsewhere.err()).contains(FreshDatabase.HOST + ":1").doesNotContain(PASSWORD);
    }
}
