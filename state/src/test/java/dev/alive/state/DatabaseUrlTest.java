package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @Test
    void readsAnSqliteFile() {
        assertThat(DatabaseUrl.parse("sqlite:/var/lib/alive/state.db", NO_ENV))
                .isEqualTo(new DatabaseUrl.Sqlite(Path.of("/var/lib/alive/state.db")));
        assertThat(DatabaseUrl.parse("sqlite:state.db", NO_ENV))
                .isEqualTo(new DatabaseUrl.Sqlite(Path.of("state.db").toAbsolutePath()));
        assertThat(((DatabaseUrl.Sqlite) DatabaseUrl.parse("sqlite::memory:", NO_ENV)).inMemory()).isTrue();
    }

    @Test
    void readsEveryPartOfAPostgresUrl() {
        var url = (DatabaseUrl.Postgres) DatabaseUrl.parse("postgresql://deploy:p%40ss%3Aw0rd@db.internal:6432/platform?sslmode=require", NO_ENV);

        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6432);
        assertThat(url.user()).isEqualTo("deploy");
        assertThat(url.password()).isEqualTo("p@ss:w0rd");
        assertThat(url.database()).isEqualTo("platform");
        assertThat(url.params()).containsExactly(Map.entry("sslmode", "require"));
    }

    @Test
    void takesEverythingUpToTheLastAtSignAsUserInfo() {
        var url = (DatabaseUrl.Postgres) DatabaseUrl.parse("postgresql://deploy:pa@ss/w:rd?@db:5432/platform", NO_ENV);
        assertThat(url.password()).isEqualTo("pa@ss/w:rd?");
        assertThat(url.host()).isEqualTo("db");
        assertThat(url.database()).isEqualTo("platform");
        assertThat(DatabaseUrl.redact("postgresql://deploy:pa@ss/w:rd?@db:5432/platform"))
                .isEqualTo("postgresql://deploy:***@db:5432/platform");
    }

    @Test
    void fillsWhatTheUrlLeavesOutFromLibpqVariables() {
        var env = Map.of("PGHOST", "10.0.0.5", "PGPORT", "5433", "PGUSER", "alive", "PGPASSWORD", "from-env",
                "PGDATABASE", "sites");

        var all = (DatabaseUrl.Postgres) DatabaseUrl.parse("postgresql:", env);
        assertThat(all).isEqualTo(new DatabaseUrl.Postgres("10.0.0.5", 5433, "sites", "alive", "from-env", Map.of()));

        var some = (DatabaseUrl.Postgres) DatabaseUrl.parse("postgres://other@db/platform", env);
        assertThat(some).isEqualTo(new DatabaseUrl.Postgres("db", 5433, "platform", "other", "from-env", Map.of()));
    }

    @Test
    void fallsBackToLibpqDefaults() {
        var url = (DatabaseUrl.Postgres) DatabaseUrl.parse("postgresql://app@/", NO_ENV);
        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("app");
    }

    @Test
    void neverShowsThePassword() {
        var url = DatabaseUrl.parse("postgresql://deploy:hunter2@db:5432/platform", NO_ENV);
        assertThat(url).hasToString("postgresql://deploy:***@db:5432/platform");
        assertThat(DatabaseUrl.parse("postgresql://db/platform?user=deploy&password=hunter2", NO_ENV).toString())
                .doesNotContain("hunter2");
        assertThat(DatabaseUrl.redact("postgresql://deploy:hunter2@db/x?password=hunter2&a=b"))
                .isEqualTo("postgresql://deploy:***@db/x?password=***&a=b");
    }

    @Test
    void refusesOtherFormsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db/x", NO_ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mysql://root:***@db/x")
                .hasMessageContaining("postgresql://user:password@host:port/database")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:hunter2@db:notaport/x", NO_ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'notaport' is not a port number")
                .hasMessageNotContaining("hunter2");
        assertThat(DatabaseUrl.parse("postgresql://u:hun/ter2@db/x?sslmode=x", NO_ENV).toString())
                .isEqualTo("postgresql://u:***@db:5432/x");
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:", NO_ENV)).isInstanceOf(IllegalArgumentException.class);
    }
}
