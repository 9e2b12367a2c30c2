package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
    private final HealthCheck health = new HealthCheck(new LoopbackHttp(), Duration.ofSeconds(2), Duration.ofMillis(100));
    private final List<HealthCheck.Attempt> attempts = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    private HttpServer serve(int port, int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server;
    }

    @Test
    void waitsForAServerThatStartsListeningLate() throws Exception {
        int port = FreePorts.next();
        CompletableFuture.runAsync(() -> {
            try {
                serve(port, 200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));

        HealthCheck.Result result = health.check(port, "/", Duration.ofSeconds(10), attempts::add);

        assertThat(result.healthy()).isTrue();
        assertThat(result.attempts()).isGreaterThan(1).isEqualTo(attempts.size());
        assertThat(attempts.get(0).error()).contains("connection refused");
        assertThat(result.last().status()).contains(200);
    }

    @Test
    void givesUpOnAServerThatKeepsFailingAndReportsItsStatus() throws Exception {
        int port = serve(0, 500).getAddress().getPort();

        HealthCheck.Result result = health.check(port, "/health", Duration.ofMillis(600), attempts::add);

        assertThat(result.healthy()).isFalse();
        assertThat(result.attempts()).isGreaterThan(1);
        assertThat(result.last().describe()).isEqualTo("HTTP 500");
        assertThat(result.took()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void countsARedirectAsHealthyWithoutFollowingIt() throws Exception {
        int port = serve(0, 302).getAddress().getPort();

        HealthCheck.Result result = health.check(port, "/", Duration.ofSeconds(5), attempts::add);

        assertThat(result.healthy()).isTrue();
        assertThat(result.attempts()).as(attempts.toString()).isEqualTo(1);
        assertThat(result.last().status()).isEqualTo(Optional.of(302));
    }

    @Test
    void reportsConnectionRefusedWhenNothingListens() {
        HealthCheck.Result result = health.check(FreePorts.next(), "/", Duration.ofMillis(300), attempts::add);

        assertThat(result.healthy()).isFalse();
        assertThat(result.last().describe()).isEqualTo("connection refused");
    }

    @Test
    void reportsATimeoutWhenTheServerAcceptsButNeverAnswers() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HealthCheck quick = new HealthCheck(new LoopbackHttp(), Duration.ofMillis(200), Duration.ofMillis(50));

            HealthCheck.Result result = quick.check(silent.getLocalPort(), "/", Duration.ofMillis(100), attempts::add);

            assertThat(result.healthy()).isFalse();
            assertThat(result.last().describe()).isEqualTo("no answer within 200 ms");
        }
    }

    @Test
    void reportsAnAnswerThatIsNotHttp() throws Exception {
        try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (var client = raw.accept()) {
                    client.getOutputStream().write("hello, I speak no HTTP\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // the check gave up
                }
            });

            HealthCheck.Result result = health.check(raw.getLocalPort(), "/", Duration.ofMillis(100), attempts::add);

            assertThat(result.healthy()).isFalse();
            assertThat(result.last().describe()).contains("not HTTP");
        }
    }
}
