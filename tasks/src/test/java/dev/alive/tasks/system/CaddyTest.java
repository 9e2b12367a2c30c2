package dev.alive.tasks.system;

import dev.alive.tasks.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Caddy on free loopback ports, stopped after each test (about 0.4 s a test). */
class CaddyTest {
    @TempDir
    Path root;

    private final String admin = "127.0.0.1:" + FreePorts.next();
    private final int listenPort = FreePorts.next();
    private Path sites;
    private Path main;
    private Caddy caddy;
    private HttpServer backend;

    @BeforeEach
    void startCaddyAndABackend() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = ("host=" + exchange.getRequestHeaders().getFirst("Host")
                    + " proto=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                    + " real-ip=" + exchange.getRequestHeaders().getFirst("X-Real-IP")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        sites = Files.createDirectories(root.resolve("etc/caddy/sites"));
        main = Files.writeString(root.resolve("etc/caddy/Caddyfile"),
                CaddyConfig.localMainCaddyfile(admin, root.resolve("var/lib/caddy/data"), sites));
        caddy = new Caddy(new LocalCommandRunner(), root.resolve("var/lib/caddy"));
        assertThat(caddy.isRunning(admin)).isFalse();
        caddy.start(main);
        assertThat(caddy.isRunning(admin)).isTrue();
    }

    @AfterEach
    void stopEverything() {
        if (caddy.isRunning(admin)) {
            caddy.stop(admin);
        }
        backend.stop(0);
    }

    private void writeSite(String domain) throws Exception {
        Files.writeString(sites.resolve(CaddyConfig.fileName(domain)),
                CaddyConfig.siteFile(domain, backend.getAddress().getPort(), "127.0.0.1:" + listenPort, Set.of()));
    }

    @Test
    void servesASiteByHostNameAndStopsWhenItsFileIsRemoved() throws Exception {
        writeSite("hello.alive.test");
        writeSite("other.alive.test");
        caddy.validate(main);
        caddy.reload(main, admin);

        Http.Response served = Http.get(listenPort, "hello.alive.test", "/");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("host=hello.alive.test proto=http real-ip=127.0.0.1");

        Files.delete(sites.resolve("hello.alive.test.caddy"));
        caddy.validate(main);
        caddy.reload(main, admin);

        Http.Response gone = Http.get(listenPort, "hello.alive.test", "/");
        assertThat(gone.body()).doesNotContain("host=");
        assertThat(Http.get(listenPort, "other.alive.test", "/").body()).startsWith("host=other.alive.test");
    }

    @Test
    void anInvalidSiteFileFailsValidationAndLeavesTheLiveConfigAlone() throws Exception {
        writeSite("hello.alive.test");
        caddy.reload(main, admin);
        String live = caddy.runningConfig(admin);
        Files.writeString(sites.resolve("broken.alive.test.caddy"), "broken.alive.test {\n\treverse_proxy localhost:{\n");

        // an unclosed brace runs on into the next imported file, which Caddy's message then names
        assertThatThrownBy(() -> caddy.validate(main))
                .isInstanceOf(CaddyConfigInvalidException.class)
                .hasMessageContaining("adapting config using caddyfile")
                .hasMessageContaining("sites/hello.alive.test.caddy:2: unrecognized directive");

        assertThat(caddy.runningConfig(admin)).isEqualTo(live);
        assertThat(Http.get(listenPort, "hello.alive.test", "/").body()).startsWith("host=hello.alive.test");
    }

    @Test
    void keepsEverythingItWritesUnderTheRoot() throws Exception {
        writeSite("hello.alive.test");
        caddy.reload(main, admin);

        assertThat(root.resolve("var/lib/caddy/config/caddy/autosave.json")).exists();
        assertThat(caddy.logFile()).exists();
        long pid = Long.parseLong(Files.readString(root.resolve("var/lib/caddy/caddy.pid")).trim());
        assertThat(ProcStat.read(pid).orElseThrow().session())
                .as("caddy runs in its own session").isNotEqualTo(ProcStat.read(ProcessHandle.current().pid()).orElseThrow().session());
    }

    @Test
    void startFailsWithCaddysMessageWhenTheConfigIsBroken() throws Exception {
        caddy.stop(admin);
        Files.writeString(sites.resolve("broken.caddy"), "broken.alive.test {\n\treverse_proxyy localhost:1\n}\n");

        assertThatThrownBy(() -> caddy.start(main))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("unrecognized directive: reverse_proxyy");
        assertThat(caddy.isRunning(admin)).isFalse();
    }
}
