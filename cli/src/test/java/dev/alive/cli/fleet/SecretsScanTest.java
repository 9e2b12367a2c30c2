package dev.alive.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys with three secrets (the owner's password, an {@code ${API_KEY}} env value, and the
 * password in the PostgreSQL state URL), fails a redeploy on purpose, then scans everything alive
 * wrote or printed: stdout and stderr of every command, every file under the host's root but the
 * env file (where the API key belongs), and every row of every table of the state store.
 */
@Tag("slow")
class SecretsScanTest {

    private static final String OWNER_PASSWORD = "owner-pw-" + UUID.randomUUID();
    private static final String API_KEY = "api-key-" + UUID.randomUUID();
    private static final String DB_PASSWORD = "db-pw-" + UUID.randomUUID();

    @TempDir
    Path dir;

    private FreshDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = FreshDatabase.create();
    }

    @AfterEach
    void stopSitesAndDropDatabase() {
        SiteProcesses.killAll(dir);
        database.close();
    }

    @Test
    void noSecretAppearsInOutputFilesOrTheStateStore() throws Exception {
        var fleet = new Fleet(dir);
        // trust authentication ignores the password, but alive still holds it in its URL
        var url = database.url().replace("postgresql://postgres@", "postgresql://postgres:" + DB_PASSWORD + "@");
        var host = fleet.host("secret", "${ALIVE_STATE_URL}", 23500, 23509);
        var spec = fleet.site("secret.fleet.test", "owner@fleet.test");
        Files.writeString(spec, Files.readString(spec).replace("    HEALTH_DELAY_MS:",
                "    API_KEY: ${API_KEY}\n    HEALTH_DELAY_MS:"));
        var alive = Alive.in(dir).with("ALIVE_OWNER_PASSWORD", OWNER_PASSWORD).with("API_KEY", API_KEY)
                .with("ALIVE_STATE_URL", url);
        var outcomes = new ArrayList<Running.Outcome>();

        var applied = alive.run("apply", spec.toString(), "--host", host.toString());
        outcomes.add(applied);
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        for (var args : List.of(List.of("plan", spec.toString()), List.of("plan", "--json", spec.toString()),
                List.of("status", "--json"), List.of("history", "secret.fleet.test", "--json"),
                List.of("apply", "--json", spec.toString()))) {
            var command = new ArrayList<>(args);
            command.addAll(List.of("--host", host.toString()));
            outcomes.add(alive.run(command.toArray(String[]::new)));
        }
        Files.writeString(spec, Files.readString(spec).replace("start: node server.js", "start: node missing.js")
                .replace("timeout: 90s", "timeout: 3s"));
        var failed = alive.run("apply", "--debug", spec.toString(), "--host", host.toString());
        outcomes.add(failed);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        outcomes.add(alive.with("ALIVE_STATE_URL", url.replace(":5432/", ":1/"))
                .run("apply", "--debug", spec.toString(), "--host", host.toString()));

        var envFile = fleet.root("secret").resolve("env/secret-fleet-test.env");
        assertThat(envFile).content().contains("API_KEY=" + API_KEY);
        for (var outcome : outcomes) {
            assertThat(outcome.out() + outcome.err()).as(outcome.args()).doesNotContain(OWNER_PASSWORD, API_KEY,
                    DB_PASSWORD);
        }
        for (var file : filesUnder(fleet.root("secret"))) {
            if (!file.equals(envFile)) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("%s", file)
                        .doesNotContain(OWNER_PASSWORD, API_KEY, DB_PASSWORD);
            }
        }
        var tables = database.rows("select table_schema, table_name from information_schema.tables"
                + " where table_schema in ('iam', 'app', 'alive') and table_type = 'BASE TABLE'");
        assertThat(tables).hasSizeGreaterThan(5);
        for (var table : tables) {
            var name = table.get("table_schema") + "." + table.get("table_name");
            var rows = database.rows("select t::text as row from " + name + " t");
            assertThat(rows.toString()).as(name).doesNotContain(OWNER_PASSWORD, API_KEY, DB_PASSWORD);
        }
        assertThat(database.rows("select count(*) as n from iam.users").toString()).contains("1");
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
