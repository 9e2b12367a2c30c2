package dev.alive.server;

import static dev.alive.server.ServerApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.deploy.api.TokenScope;
import dev.alive.state.AliveDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests over real HTTP against a real server: each gets a clear JSON error and changes
 * nothing (no domain row, no site folder, no new token). The count is printed for the notes.
 */
class HostileInputTest {
    private static final AtomicInteger TRIED = new AtomicInteger();

    @TempDir
    static Path dir;
    static ServerFixture serve;
    static String deploy;
    static ServerFixture.Account member;

    @BeforeAll
    static void start() {
        serve = ServerFixture.start(dir, options -> options.withFailedLogins(10_000, Duration.ofMinutes(1))
                .withIdleTimeout(Duration.ofSeconds(1)));
        deploy = serve.tokens.get(TokenScope.DEPLOY);
        member = serve.account("member@example.com", "member");
    }

    @AfterAll
    static void stopAndCheckNothingChanged() throws IOException {
        try (var db = AliveDatabase.open(serve.host.state())) {
            assertThat(db.domains().list(Optional.empty())).extracting(d -> d.hostname())
                    .allMatch(name -> name.startsWith("pre-"), "only the rows the tests made");
            assertThat(db.apiTokens().list()).hasSize(TokenScope.values().length);
        }
        try (Stream<Path> sites = Files.exists(serve.host.sites()) ? Files.list(serve.host.sites()) : Stream.empty()) {
            assertThat(sites.toList()).as("site folders").isEmpty();
        }
        System.out.println("hostile requests tried: " + TRIED.get());
        serve.close();
    }

    @Test
    void malformedJsonIsInvalidRequest() {
        for (var body : List.of("{", "{\"slug\":}", "[]", "\"slug\"", "null", "42", "", "{\"slug\":\"abc\"} {}",
                "{\"slug\":\"abc\",\"slug\":\"abd\"}", "{'slug':'abc'}", "{\"slug\":\"abc\",}", "[".repeat(5000),
                "{\"slug\":\"\\ud800\"}", "\ufeff{\"slug\":\"abc\"}")) {
            assertError(hostile(deploy, "application/json", body), 400, "INVALID_REQUEST");
        }
        var invalidUtf8 = HttpRequest.newBuilder(serve.uri("/api/deploy-subdomain")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + deploy)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}))
                .build();
        TRIED.incrementAndGet();
        assertError(serve.send(invalidUtf8), 400, "INVALID_REQUEST");
    }

    @Test
    void schemaFailuresNameTheField() throws Exception {
        var org = member.orgId();
        record Case(String body, String field) {
        }
        for (var c : List.of(new Case("{}", "slug"), new Case("{\"slug\":7}", "slug"), new Case("{\"slug\":[\"a\"]}", "slug"),
                new Case("{\"slug\":\"abc\",\"orgId\":\"" + org + "\",\"admin\":true}", "admin"),
                new Case("{\"slug\":\"abc\",\"orgId\":\"not-a-uuid\"}", "orgId"),
                new Case("{\"slug\":\"abc\",\"orgId\":\"1 or 1=1\"}", "orgId"),
                new Case("{\"slug\":\"abc\",\"orgId\":\"" + org + "\",\"templateId\":\"../../etc\"}", "templateId"),
                new Case("{\"slug\":\"abc\",\"orgId\":\"" + org + "\",\"templateId\":\"nosuch\"}", "templateId"),
                new Case("{\"slug\":\"abc\"}", "orgId"),
                new Case("{\"slug\":\"abc\",\"orgId\":\"" + org + "\",\"email\":\"a@b.c\",\"password\":\"x\"}", "email"))) {
            var body = assertError(hostile(deploy, "application/json", c.body()), 400, "INVALID_REQUEST");
            assertThat(body.get("details").get("field").asText()).as(c.body()).isEqualTo(c.field());
            assertThat(body.get("details").get("issues").isArray()).isTrue();
        }
    }

    @Test
    void slugTricksAreRefused() {
        for (var slug : List.of("ＡＢＣ", "аbc", "ab\u200bc", "abc\u202e", "abc\u0301", "ABC", "abc\n", "a\u0000b", "😀abc",
                "a..b", "../etc", "a/b", "a b", "abcdefghijklmnopq", "-abc", "abc-", "ab", "a_b", "a.b", "admin", "www",
                "api", "mail", "abc';drop table iam.users;--", "abc\" or \"1\"=\"1", "%2e%2e", "abc%00")) {
            var json = "{\"slug\":" + ServerApiTest.JSON_WRITER.apply(slug) + ",\"orgId\":\"" + member.orgId() + "\"}";
            var body = assertError(hostile(deploy, "application/json", json), 400, "INVALID_REQUEST");
            assertThat(body.get("details").get("field").asText()).as(slug).isEqualTo("slug");
        }
    }

    @Test
    void wrongContentTypesAreRefused() {
        for (var type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonx", "application/json-patch+json", "text/json"}) {
            assertError(hostile(deploy, type, "{\"slug\":\"abc\"}"), 400, "INVALID_REQUEST");
        }
    }

    @Test
    void aTenMegabyteBodyIsRefusedUnread() throws Exception {
        var big = "{\"slug\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}";
        assertError(hostile(deploy, "application/json", big), 400, "INVALID_REQUEST");
        // chunked, so no Content-Length tells the size: refused after the limit, not read to the end
        try (var socket = new Socket("127.0.0.1", serve.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/deploy-subdomain HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + deploy
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var chunk = "a".repeat(64 * 1024);
            try {
                for (int i = 0; i < 160; i++) {
                    out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedEarly) {
                // the server answered and closed before the 10 MB were sent: what it should do
            }
            TRIED.incrementAndGet();
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("INVALID_REQUEST");
        }
    }

    @Test
    void pathTraversalAndSqlInTheDomainAreRefused() {
        var read = serve.tokens.get(TokenScope.READ);
        for (var path : List.of("/api/sites/..%2F..%2Fetc%2Fpasswd", "/api/sites/%2e%2e", "/api/sites/.alive.test",
                "/api/sites/a%00.alive.test", "/api/sites/x.alive.test'%20or%20'1'='1", "/api/sites/x.alive.test;drop",
                "/api/sites/X.ALIVE.TEST", "/api/sites/%E2%80%AEtset.evila.x")) {
            TRIED.incrementAndGet();
            var response = serve.get(path, read);
            assertError(response, 400, "INVALID_REQUEST");
        }
        for (var path : List.of("/api/sites/../../etc/passwd", "/api/sites/x/../../../etc/passwd", "/api/runs/..%2F..%2Fx")) {
            TRIED.incrementAndGet();
            var response = serve.get(path, read);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(400, 404);
            assertThat(response.body()).doesNotContain("root:");
        }
    }

    @Test
    void wrongCredentialsAndForeignOrgsAreRefused() {
        assertError(hostile(null, "application/json", "{\"slug\":\"abc\",\"email\":\"member@example.com\",\"password\":\"wrong\"}"),
                401, "UNAUTHORIZED");
        assertError(hostile(null, "application/json", "{\"slug\":\"abc\",\"email\":\"' or 1=1 --\",\"password\":\"' or '1'='1\"}"),
                401, "UNAUTHORIZED");
        assertError(hostile(null, "application/json", "{\"slug\":\"abc\",\"email\":\"member@example.com\"}"), 401, "UNAUTHORIZED");
        assertError(hostile(null, "application/json", "{\"slug\":\"abc\"}"), 401, "UNAUTHORIZED");
        var stranger = serve.account("stranger@example.com", "owner");
        assertError(hostile(null, "application/json", "{\"slug\":\"abc\",\"email\":\"member@example.com\",\"password\":\""
                + ServerFixture.PASSWORD + "\",\"orgId\":\"" + stranger.orgId() + "\"}"), 403, "ORG_ACCESS_DENIED");
        assertError(hostile(deploy, "application/json", "{\"slug\":\"abc\",\"orgId\":\"" + UUID.randomUUID() + "\"}"),
                403, "ORG_ACCESS_DENIED");
    }

    @Test
    void aTakenSlugAndAFullOrgAreRefused() {
        var full = serve.account("full@example.com", "owner");
        try (var db = AliveDatabase.open(serve.host.state())) {
            db.domains().reserve("pre-taken." + serve.wildcard(), serve.host.name(), 29000, 29099, OptionalInt.empty());
            for (int i = 0; i < 3; i++) {
                var name = "pre-full" + i + "." + serve.wildcard();
                db.domains().reserve(name, serve.host.name(), 29000, 29099, OptionalInt.empty());
                db.domains().activate(name, full.orgId(), "r1");
            }
        }
        assertError(hostile(deploy, "application/json", "{\"slug\":\"pre-taken\",\"orgId\":\"" + member.orgId() + "\"}"),
                409, "SLUG_TAKEN");
        var body = assertError(hostile(deploy, "application/json", "{\"slug\":\"another\",\"orgId\":\"" + full.orgId() + "\"}"),
                403, "SITE_LIMIT_EXCEEDED");
        assertThat(body.get("details").get("limit").asInt()).isEqualTo(3);
        assertThat(body.get("details").get("currentCount").asInt()).isEqualTo(3);
    }

    @Test
    void aSlowClientIsCutOff() throws Exception {
        try (var socket = new Socket("127.0.0.1", serve.server.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /api/deploy-subdomain HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + deploy + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"slug\":")
                    .getBytes(StandardCharsets.US_ASCII));
            TRIED.incrementAndGet();
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            String answer;
            try {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept a stalled client for 15 s", e);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            if (!answer.isEmpty()) {
                assertThat(answer).startsWith("HTTP/1.1 400").contains("INVALID_REQUEST");
            }
        }
        assertThat(serve.get("/api/health", deploy).statusCode()).as("the server still answers").isEqualTo(200);
    }

    private static HttpResponse<String> hostile(String token, String contentType, String body) {
        TRIED.incrementAndGet();
        return serve.post("/api/deploy-subdomain", token, contentType, body);
    }
}
