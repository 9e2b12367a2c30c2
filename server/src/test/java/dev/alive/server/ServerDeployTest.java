package dev.alive.server;

import static dev.alive.server.ServerApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alive.deploy.api.TokenScope;
import dev.alive.state.AliveDatabase;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy-subdomain end to end: real HTTP, a real apply (npm, node, Caddy) on the local profile, SQLite. */
@Tag("slow")
class ServerDeployTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ServerFixture serve;
    static String deploy;
    static ServerFixture.Account owner;

    @BeforeAll
    static void start() {
        serve = ServerFixture.start(dir);
        deploy = serve.tokens.get(TokenScope.DEPLOY);
        owner = serve.account("owner@example.com", "owner");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void aTokenDeploysASubdomainForAnOrgAndASecondDeployOfItIsSlugTaken() throws Exception {
        var response = serve.post("/api/deploy-subdomain", deploy, "application/json",
                "{\"slug\":\"fresh\",\"orgId\":\"" + owner.orgId() + "\",\"siteIdeas\":\"a bakery\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"ok\":true,"
                + "\"message\":\"Site fresh.alive.test deployed successfully!\",\"domain\":\"fresh.alive.test\","
                + "\"chatUrl\":\"/chat?wk=fresh.alive.test\",\"orgId\":\"" + owner.orgId() + "\"}"));
        var domain = active("fresh.alive.test").orElseThrow();
        assertThat(domain.orgId()).isEqualTo(owner.orgId());
        assertThat(get("http://127.0.0.1:" + domain.port() + "/health").statusCode()).isEqualTo(200);
        var site = JSON.readTree(serve.get("/api/sites/fresh.alive.test", serve.tokens.get(TokenScope.READ)).body());
        assertThat(site.get("sites").get(0).get("port").asInt()).isEqualTo(domain.port());

        assertError(serve.post("/api/deploy-subdomain", deploy, "application/json",
                "{\"slug\":\"fresh\",\"orgId\":\"" + owner.orgId() + "\"}"), 409, "SLUG_TAKEN");
    }

    @Test
    void theOlderFormDeploysForTheOwnerWhoseBcrypt2bPasswordVerifies() throws Exception {
        serve.account("older@example.com", "owner");
        var response = serve.post("/api/deploy-subdomain", null, "application/json",
                "{\"slug\":\"older\",\"email\":\"older@example.com\",\"password\":\"" + ServerFixture.PASSWORD + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("domain").asText()).isEqualTo("older.alive.test");
        assertThat(JSON.readTree(response.body()).has("orgId")).isFalse();
        assertThat(active("older.alive.test")).isPresent();
    }

    @Test
    void aFailedDeployIsDeploymentFailedNamingTheTaskAndLeavesNothing() throws Exception {
        var org = serve.account("broken@example.com", "owner").orgId();
        var body = assertError(serve.post("/api/deploy-subdomain", deploy, "application/json",
                "{\"slug\":\"broken\",\"orgId\":\"" + org + "\",\"templateId\":\"broken\"}"), 500, "DEPLOYMENT_FAILED");

        assertThat(body.get("details").get("task").asText()).isEqualTo("broken.alive.test/build");
        try (var db = AliveDatabase.open(serve.host.state())) {
            assertThat(db.domains().find("broken.alive.test")).isEmpty();
        }
        assertThat(serve.host.sites().resolve("broken.alive.test")).doesNotExist();
        var run = serve.get("/api/runs/" + body.get("details").get("runId").asText(), serve.tokens.get(TokenScope.READ));
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(run.body()).get("runs").get(0).get("outcome").asText()).isEqualTo("rolled_back");
    }

    @Test
    void twoRequestsForOneNewSlugAtOnceDeployItOnce() throws Exception {
        Callable<HttpResponse<String>> request = () -> serve.post("/api/deploy-subdomain", deploy, "application/json",
                "{\"slug\":\"twice\",\"orgId\":\"" + owner.orgId() + "\"}");
        var pool = Executors.newFixedThreadPool(2);
        try {
            var answers = new ArrayList<HttpResponse<String>>();
            for (var future : pool.invokeAll(List.of(request, request))) {
                answers.add(future.get());
            }
            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
            var refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            assertThat(JSON.readTree(refused.body()).get("error").asText()).isIn("DEPLOYMENT_IN_PROGRESS", "SLUG_TAKEN");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientThatHangsUpDuringTheApplyDoesNotStopIt() throws Exception {
        var body = "{\"slug\":\"hangup\",\"orgId\":\"" + owner.orgId() + "\"}";
        try (var socket = new Socket("127.0.0.1", serve.server.port())) {
            socket.getOutputStream().write(("POST /api/deploy-subdomain HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + deploy + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300);
        }
        var deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (active("hangup.alive.test").isEmpty() || serve.server.runningRuns() > 0) {
            assertThat(System.nanoTime()).as("the apply finished within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
        var domain = active("hangup.alive.test").orElseThrow();
        assertThat(get("http://127.0.0.1:" + domain.port() + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void stoppingLetsTheRunningDeployFinishAndTakesNoNewOne(@TempDir Path other) throws Exception {
        var stopping = ServerFixture.start(other);
        var org = stopping.account("drain@example.com", "owner").orgId();
        var token = stopping.tokens.get(TokenScope.DEPLOY);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var running = pool.submit(() -> stopping.post("/api/deploy-subdomain", token, "application/json",
                    "{\"slug\":\"drain\",\"orgId\":\"" + org + "\"}"));
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (stopping.server.runningRuns() == 0) {
                assertThat(System.nanoTime()).as("the deploy started").isLessThan(deadline);
                Thread.sleep(10);
            }
            var closing = pool.submit(stopping.server::close);
            while (stopping.server.runningRuns() > 0 && !closing.isDone()) {
                var late = stopping.post("/api/deploy-subdomain", token, "application/json",
                        "{\"slug\":\"late\",\"orgId\":\"" + org + "\"}");
                if (late.statusCode() == 503) {
                    assertThat(JSON.readTree(late.body()).get("error").asText()).isEqualTo("SHUTTING_DOWN");
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(running.get().statusCode()).as(running.get().body()).isEqualTo(200);
            closing.get();
            try (var db = AliveDatabase.open(stopping.host.state())) {
                assertThat(db.domains().find("drain.alive.test").map(d -> d.status())).contains("active");
                assertThat(db.domains().find("late.alive.test")).isEmpty();
            }
        } finally {
            pool.shutdownNow();
            stopping.stopApps();
            stopping.operations.close();
        }
    }

    @Test
    void theSiteEndpointsPlanApplyFollowAndDestroyASiteFromTheSpecFolder(@TempDir Path other) throws Exception {
        var fleet = other.resolve("templates/fleet"); // ServerFixture.template writes under templates/
        try (var ops = ServerFixture.start(other, options -> options.withSpecs(fleet))) {
            ServerFixture.template(other, "fleet/ops", yaml -> yaml.replace("domain: hello.alive.test",
                    "domain: ops.alive.test"));
            ops.account("owner@example.com", "owner");
            var token = ops.tokens.get(TokenScope.DEPLOY);

            var planned = ops.post("/api/sites/ops.alive.test/plan", token, "application/json", "");
            assertThat(planned.statusCode()).as(planned.body()).isEqualTo(200);
            var plan = JSON.readTree(planned.body());
            assertThat(plan.get("formatVersion").asInt()).isEqualTo(1);
            assertThat(plan.get("changes").asBoolean()).isTrue();
            var applied = ops.post("/api/sites/ops.alive.test/apply", token, "application/json", "");
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            var document = JSON.readTree(applied.body());
            assertThat(document.get("succeeded").asBoolean()).isTrue();
            var runId = document.get("sites").get(0).get("runId").asText();

            var run = ops.get("/api/runs/" + runId, ops.tokens.get(TokenScope.READ));
            assertThat(JSON.readTree(run.body()).get("runs").get(0).get("outcome").asText()).isEqualTo("succeeded");

            var again = JSON.readTree(ops.post("/api/sites/ops.alive.test/plan", token, "application/json", "").body());
            assertThat(again.get("changes").asBoolean()).as(again.toString()).isFalse();
            assertError(ops.post("/api/sites/nospec.alive.test/plan", token, "application/json", ""), 404, "NOT_FOUND");

            var destroyed = ops.send(HttpRequest.newBuilder(ops.uri("/api/sites/ops.alive.test"))
                    .header("Authorization", "Bearer " + token).DELETE().build());
            assertThat(destroyed.statusCode()).as(destroyed.body()).isEqualTo(200);
            try (var db = AliveDatabase.open(ops.host.state())) {
                assertThat(db.domains().find("ops.alive.test")).isEmpty();
            }
        }
    }

    private static Optional<dev.alive.state.Domains.Domain> active(String hostname) {
        try (var db = AliveDatabase.open(serve.host.state())) {
            return db.domains().find(hostname).filter(d -> "active".equals(d.status()));
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
