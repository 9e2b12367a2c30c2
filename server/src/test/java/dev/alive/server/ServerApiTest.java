package dev.alive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alive.deploy.api.TokenScope;
import dev.alive.state.AliveDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real HTTP: authentication, scopes, the documents, and refusals that change nothing. */
class ServerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A string as a JSON literal. */
    static final java.util.function.Function<String, String> JSON_WRITER = text -> {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    };

    @TempDir
    static Path dir;
    static ServerFixture serve;

    @BeforeAll
    static void start() {
        serve = ServerFixture.start(dir, options -> options.withFailedLogins(1000, java.time.Duration.ofMinutes(1)));
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void answersNothingWithoutAValidToken() {
        for (var path : new String[] {"/api/health", "/api/sites", "/api/openapi.json", "/api/nothing-here", "/"}) {
            assertError(serve.get(path, null), 401, "UNAUTHORIZED");
            assertError(serve.get(path, "alive_" + "A".repeat(43)), 401, "UNAUTHORIZED");
        }
        assertError(serve.post("/api/sites/x.alive.test/apply", null, "application/json", "{}"), 401, "UNAUTHORIZED");
    }

    @Test
    void aReadTokenReadsButCannotDeploy() throws Exception {
        var health = serve.get("/api/health", serve.tokens.get(TokenScope.READ));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("ok").asBoolean()).isTrue();
        assertError(serve.post("/api/deploy-subdomain", serve.tokens.get(TokenScope.READ), "application/json",
                "{\"slug\":\"readonly\",\"orgId\":\"" + java.util.UUID.randomUUID() + "\"}"), 403, "FORBIDDEN");
        var openApi = JSON.readTree(serve.get("/api/openapi.json", serve.tokens.get(TokenScope.READ)).body());
        assertThat(openApi.get("paths").has("/api/deploy-subdomain")).isTrue();
    }

    @Test
    void sitesAreTheStatusDocument() throws Exception {
        try (var db = AliveDatabase.open(serve.host.state())) {
            db.domains().reserve("listed.alive.test", serve.host.name(), 29990, 29999, OptionalInt.empty());
        }
        var sites = JSON.readTree(serve.get("/api/sites", serve.tokens.get(TokenScope.READ)).body());
        assertThat(sites.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(sites.get("sites").findValuesAsText("domain")).contains("listed.alive.test");
        var one = serve.get("/api/sites/listed.alive.test", serve.tokens.get(TokenScope.READ));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(one.body()).get("sites").get(0).get("domain").asText()).isEqualTo("listed.alive.test");
        assertError(serve.get("/api/sites/unknown.alive.test", serve.tokens.get(TokenScope.READ)), 404, "NOT_FOUND");
        assertError(serve.get("/api/runs/no-such-run", serve.tokens.get(TokenScope.READ)), 404, "NOT_FOUND");
    }

    @Test
    void failedLoginsFromOneSourceAreRefusedForAWhileEvenWithAGoodToken(@TempDir Path other) {
        try (var limited = ServerFixture.start(other, options -> options.withFailedLogins(3, java.time.Duration.ofMinutes(5)))) {
            var good = limited.tokens.get(TokenScope.READ);
            assertThat(limited.get("/api/health", good).statusCode()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertError(limited.get("/api/health", "alive_" + "B".repeat(43)), 401, "UNAUTHORIZED");
            }
            var refused = limited.get("/api/health", good);
            assertError(refused, 429, "TOO_MANY_REQUESTS");
            assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isBetween(1L, 300L);
            for (int i = 0; i < 5; i++) {
                assertError(limited.post("/api/deploy-subdomain", null, "application/json",
                        "{\"slug\":\"guess\",\"email\":\"a@b.c\",\"password\":\"x\"}"), 429, "TOO_MANY_REQUESTS");
            }
        }
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        try {
            var body = JSON.readTree(response.body());
            assertThat(body.get("ok").asBoolean(true)).isFalse();
            assertThat(body.get("error").asText()).isEqualTo(code);
            assertThat(body.get("message").asText()).isNotBlank();
            return body;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
