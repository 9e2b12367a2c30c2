package dev.alive.server;

import static dev.alive.server.ServerApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.deploy.api.TokenScope;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on real PostgreSQL (a database of its own on 127.0.0.1:5432), reached through a proxy
 * that is cut and restored as a database restart would: while it is gone the API answers 503
 * UNAVAILABLE in JSON, and once it is back the same server answers again, unrestarted.
 */
class DatabaseOutageTest {

    @Test
    void answersUnavailableWhileTheDatabaseIsGoneAndRecoversWithoutARestart(@TempDir Path dir) throws Exception {
        var database = "alive_serve_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        maintenance("create database " + database);
        try (var proxy = new TcpProxy("127.0.0.1", 5432);
             var serve = ServerFixture.start(dir, options -> options,
                     "postgresql://postgres@127.0.0.1:" + proxy.port() + "/" + database)) {
            var read = serve.tokens.get(TokenScope.READ);
            assertThat(serve.get("/api/sites", read).statusCode()).isEqualTo(200);

            proxy.cut();
            long started = System.nanoTime();
            assertError(serve.get("/api/sites", read), 503, "UNAVAILABLE");
            assertError(serve.get("/api/health", read), 503, "UNAVAILABLE");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));

            proxy.restore();
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status;
            do {
                status = serve.get("/api/sites", read).statusCode();
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("answers again once the database is back").isEqualTo(200);
            assertThat(serve.get("/api/health", read).statusCode()).isEqualTo(200);
        } finally {
            maintenance("drop database if exists " + database + " with (force)");
        }
    }

    private static void maintenance(String sql) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
