package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

/** alive's migrations on PostgreSQL: on an empty database, and on one the platform already uses. */
class PlatformSchemaMigrationTest {
    private static final String USER_ID = "6f1c2c57-8a1e-4d53-9f35-2b7a3c0d9e11";
    private static final String ORG_ID = "0b8e3f1a-5c2d-4e6f-8a9b-1c2d3e4f5a6b";

    private final TestPostgres postgres = TestPostgres.create();

    @AfterEach
    void dropDatabase() {
        postgres.close();
    }

    @Test
    void createsThePlatformTablesAndItsOwnOnAnEmptyDatabase() throws SQLException {
        AliveDatabase.open(postgres.url()).close();

        assertThat(columns("iam", "users")).contains("user_id", "email", "password_hash", "status", "created_at");
        assertThat(columns("iam", "orgs")).contains("org_id", "name", "credits", "created_at");
        assertThat(columns("iam", "org_memberships")).contains("org_id", "user_id", "role");
        assertThat(columns("app", "domains")).contains("hostname", "port", "org_id", "created_at", "host", "status",
                "current_release", "updated_at");
        assertThat(tables("alive")).contains("flyway_schema_history", "runs", "journal", "task_states", "locks",
                "manifests", "file_hashes", "settings");
        assertThat(tables("public")).as("nothing lands in public").isEmpty();
    }

    @Test
    void keepsEveryRowOfThePlatformAndAdoptsItsDomainsPorts() throws SQLException {
        String hash = BCrypt.hashpw("correct horse", BCrypt.gensalt(4)).replace("$2a$", "$2b$");
        postgres.execute(platformSchema(hash));

        try (var db = AliveDatabase.open(postgres.url())) {
            assertThat(rows("select email, password_hash, status from iam.users"))
                    .containsExactly("owner@example.com|" + hash + "|active");
            assertThat(rows("select name, credits, plan from iam.orgs")).containsExactly("Acme|250|pro");
            assertThat(rows("select role from iam.org_memberships")).containsExactly("owner");
            assertThat(rows("select hostname, port, org_id, host, status from app.domains order by hostname"))
                    .containsExactly("old-one.example.com|3333|" + ORG_ID + "|null|active",
                            "old-two.example.com|3334|" + ORG_ID + "|null|active");

            var owner = db.accounts().findUser("owner@example.com").orElseThrow();
            assertThat(BCrypt.checkpw("correct horse", owner.passwordHash().replace("$2b$", "$2a$"))).isTrue();
            assertThat(db.accounts().findOwnedOrg(owner.userId(), "Acme")).isPresent();

            var adopted = db.domains().reserve("old-two.example.com", "production", 3333, 3999, OptionalInt.empty());
            assertThat(adopted.created()).isFalse();
            assertThat(adopted.domain().port()).isEqualTo(3334);
            var fresh = db.domains().reserve("new.example.com", "production", 3333, 3999, OptionalInt.empty());
            assertThat(fresh.domain().port()).as("the legacy ports stay taken").isEqualTo(3335);
        }
        AliveDatabase.open(postgres.url()).close();
        assertThat(rows("select version from alive.flyway_schema_history where version is not null and success "
                + "order by installed_rank")).as("migrated once")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, Integer.parseInt(Migrations.LATEST_VERSION))
                        .mapToObj(Integer::toString).toList());
    }

    /** The platform's tables as its own programs made them: extra columns, NOT NULLs, no host column. */
    private static String platformSchema(String hash) {
        return """
                create schema iam;
                create schema app;
                create table iam.users (user_id uuid primary key default gen_random_uuid(), email text not null unique,
                    password_hash text not null, status text not null default 'active',
                    created_at timestamptz not null default now(), display_name text);
                create table iam.orgs (org_id uuid primary key default gen_random_uuid(), name text not null,
                    credits integer not null default 0, created_at timestamptz not null default now(), plan text);
                create table iam.org_memberships (org_id uuid not null references iam.orgs, user_id uuid not null
                    references iam.users, role text not null, primary key (org_id, user_id));
                create table app.domains (hostname text primary key, port integer not null,
                    org_id uuid references iam.orgs, created_at timestamptz not null default now());
                insert into iam.users (user_id, email, password_hash) values ('%1$s', 'owner@example.com', '%3$s');
                insert into iam.orgs (org_id, name, credits, plan) values ('%2$s', 'Acme', 250, 'pro');
                insert into iam.org_memberships values ('%2$s', '%1$s', 'owner');
                insert into app.domains (hostname, port, org_id) values ('old-one.example.com', 3333, '%2$s'),
                    ('old-two.example.com', 3334, '%2$s');
                """.formatted(USER_ID, ORG_ID, hash);
    }

    private List<String> columns(String schema, String table) throws SQLException {
        return rows("select column_name from information_schema.columns where table_schema = '" + schema
                + "' and table_name = '" + table + "'");
    }

    private List<String> tables(String schema) throws SQLException {
        return rows("select table_name from information_schema.tables where table_schema = '" + schema + "'");
    }

    private List<String> rows(String sql) throws SQLException {
        var rows = new ArrayList<String>();
        String url = "jdbc:postgresql://" + TestPostgres.SERVER + "/" + postgres.url().substring(postgres.url().lastIndexOf('/') + 1);
        try (var connection = DriverManager.getConnection(url, "postgres", "");
             var statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                var row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
