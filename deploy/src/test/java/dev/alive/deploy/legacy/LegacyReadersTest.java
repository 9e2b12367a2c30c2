package dev.alive.deploy.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.LocalCommandRunner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each reader on malformed or unusual input: a clear error (file, line, fix) or a typed value. */
class LegacyReadersTest {
    private static final String HASH = "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private Caddy caddy() {
        return new Caddy(new LocalCommandRunner(), dir.resolve("caddy-home"));
    }

    @Test
    void registryThatIsNotJsonNamesFileAndLineAndHidesItsContent() throws Exception {
        Path registry = file("domain-passwords.json", "{\n  \"a.alive.best\": {\"port\": 3333,\n"
                + "  \"passwordHash\": " + HASH + "}\n}\n");
        assertThatThrownBy(() -> PortRegistryFile.read(registry))
                .isInstanceOf(LegacyReadException.class)
                .hasMessageStartingWith(registry + " line 3: is not valid JSON")
                .hasMessageContaining("Fix the file so that it is an object keyed by domain")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(HASH).doesNotContain("N9qo8"));
    }

    @Test
    void registryEntriesOfTheWrongShapeAreNamed() throws Exception {
        assertThatThrownBy(() -> PortRegistryFile.read(file("r1.json", "{\"a.alive.best\": {\"createdAt\": \"x\"}}")))
                .hasMessageContaining("line 1: the entry of a.alive.best has no port").hasMessageContaining("Add its \"port\"");
        assertThatThrownBy(() -> PortRegistryFile.read(file("r2.json", "{\n\"a.alive.best\": {\"port\": \"3333\"}}")))
                .hasMessageContaining("line 2: the port of a.alive.best is not a whole number");
        assertThatThrownBy(() -> PortRegistryFile.read(file("r3.json", "{\n\n\"a.alive.best\": {\"port\": 8080}}")))
                .hasMessageContaining("line 3: the port of a.alive.best is 8080, outside the as-is range 3333-3999");
        assertThatThrownBy(() -> PortRegistryFile.read(file("r4.json", "[1, 2]")))
                .hasMessageContaining("line 1: is not a JSON object");
        assertThatThrownBy(() -> PortRegistryFile.read(file("r5.json", "{\"a.alive.best\": 3333}")))
                .hasMessageContaining("the entry of a.alive.best is not an object");
        assertThatThrownBy(() -> PortRegistryFile.read(dir.resolve("missing.json")))
                .hasMessageContaining("missing.json: does not exist");
    }

    @Test
    void registrySkipsTheRemovedKeysAndKeepsThePort() throws Exception {
        var entries = PortRegistryFile.read(file("r.json", "{\"a.alive.best\": {\"passwordHash\": \"" + HASH
                + "\", \"tenantId\": {\"nested\": [1, 2]}, \"port\": 3401, \"email\": \"x@y.z\", \"credits\": 12}}"));
        assertThat(entries).containsExactly(new PortEntry("a.alive.best", 3401, dir.resolve("r.json") + " line 1"));
        assertThat(entries.toString()).doesNotContain(HASH).doesNotContain("x@y.z");
    }

    @Test
    void portMapGivesTheSamePortEntries() throws Exception {
        assertThat(PortMapFile.read(file("port-map.json", "{\n  \"a.alive.best\": 3333,\n  \"b.alive.best\": 3334\n}")))
                .extracting(PortEntry::domain, PortEntry::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.alive.best", 3333),
                        org.assertj.core.groups.Tuple.tuple("b.alive.best", 3334));
        assertThatThrownBy(() -> PortMapFile.read(file("bad-map.json", "{\"a.alive.best\": {\"port\": 3333}}")))
                .hasMessageContaining("the port of a.alive.best is not a whole number")
                .hasMessageContaining("an object of hostname to port");
    }

    @Test
    void aCaddyfileCaddyRejectsIsAnErrorNamingTheLine() throws Exception {
        Path caddyfile = file("Caddyfile", "a.alive.best {\n    reverse_proxy localhost:3333\n    frobnicate on\n}\n");
        assertThatThrownBy(() -> new CaddyfileReader(caddy()).read(caddyfile))
                .isInstanceOf(LegacyReadException.class)
                .hasMessageStartingWith(caddyfile + ": caddy adapt cannot read it: ")
                .hasMessageContaining("Caddyfile:3")
                .hasMessageContaining("Fix the line Caddy names");
    }

    @Test
    void blocksOfAnotherShapeAreKeptAsUnknownWithTheReason() throws Exception {
        Path caddyfile = file("Caddyfile", """
                www.a.alive.best {
                    redir https://a.alive.best{uri}
                }
                two.alive.best {
                    reverse_proxy localhost:3333 localhost:3334
                }
                far.alive.best {
                    reverse_proxy 10.0.0.7:3333
                }
                a.alive.best, b.alive.best {
                    reverse_proxy 127.0.0.1:3335
                }
                """);
        var blocks = new CaddyfileReader(caddy()).read(caddyfile);
        assertThat(blocks.get("www.a.alive.best")).isEqualTo(new CaddySiteBlock.Unknown(java.util.List.of("www.a.alive.best"),
                "it has a static_response handler, which the as-is blocks do not"));
        assertThat(((CaddySiteBlock.Unknown) blocks.get("two.alive.best")).reason()).isEqualTo("its reverse_proxy has 2 upstreams, not one");
        assertThat(((CaddySiteBlock.Unknown) blocks.get("far.alive.best")).reason())
                .isEqualTo("its reverse_proxy dials 10.0.0.7:3333, not localhost:PORT");
        assertThat(blocks.get("b.alive.best")).isEqualTo(blocks.get("a.alive.best"));
        assertThat(((CaddySiteBlock.Proxy) blocks.get("a.alive.best")).port()).isEqualTo(3335);
    }

    @Test
    void aSiteBlockWithoutAHostIsAnError() throws Exception {
        Path caddyfile = file("Caddyfile", ":8080 {\n    reverse_proxy localhost:3333\n}\n");
        assertThatThrownBy(() -> new CaddyfileReader(caddy()).read(caddyfile))
                .hasMessageContaining("a site block has no host name").hasMessageContaining("Name the site block's host");
    }

    @Test
    void tlsForceAutomateIsReadWhereCaddyKnowsItAndNamedWhereItDoesNot() throws Exception {
        Path caddyfile = file("Caddyfile", "a.alive.best {\n    tls force_automate\n    reverse_proxy localhost:3333\n}\n");
        String version = new String(new ProcessBuilder("caddy", "version").start().getInputStream().readAllBytes()).trim();
        boolean knowsIt = !version.matches("v?2\\.[0-7]\\..*");
        if (knowsIt) {
            assertThat(((CaddySiteBlock.Proxy) new CaddyfileReader(caddy()).read(caddyfile).get("a.alive.best")).port())
                    .isEqualTo(3333);
        } else {
            assertThatThrownBy(() -> new CaddyfileReader(caddy()).read(caddyfile))
                    .as("caddy %s predates tls force_automate (2.8)", version)
                    .hasMessageContaining("Caddyfile:2").hasMessageContaining("caddy version");
        }
    }

    @Test
    void anEnvFileWithMoreThanDomainAndPortNamesTheKeyNotTheValue() throws Exception {
        Path passwd = file("passwd", "root:x:0:0:root:/root:/bin/bash\n");
        Path group = file("group", "root:x:0:\n");
        Path env = file("a-alive-best.env", "DOMAIN=a.alive.best\nPORT=3333\nAPI_KEY=sk-live-secret\n");
        EnvFile read = EnvFiles.read(dir, SystemAccounts.read(passwd, group)).get(0);
        assertThat(read.slug()).isEqualTo("a-alive-best");
        assertThat(read.domain()).contains("a.alive.best");
        assertThat(read.port()).hasValue(3333);
        assertThat(read.problems()).containsExactly("line 3: holds API_KEY, besides DOMAIN and PORT");
        assertThat(read.toString()).doesNotContain("sk-live-secret");
        assertThat(env).exists();
    }

    @Test
    void aMalformedPasswdLineIsNamed() throws Exception {
        Path passwd = file("passwd", "root:x:0:0:root:/root:/bin/bash\nsite-a:x:nine\n");
        assertThatThrownBy(() -> SystemAccounts.read(passwd, file("group", "")))
                .hasMessageStartingWith(passwd + " line 2: has 3 fields, not 7");
    }

    @Test
    void instancesWithoutTheTemplateAreAnError() throws Exception {
        Path units = Files.createDirectories(dir.resolve("units/multi-user.target.wants"));
        Files.createSymbolicLink(units.resolve("site@a-alive-best.service"), Path.of("../site@.service"));
        assertThatThrownBy(() -> SiteUnits.read(dir.resolve("units")))
                .hasMessageContaining("site@.service: does not exist, but 1 site@ instances are enabled");
    }

    @Test
    void listeningPortsSeesAServerSocketAndNotAfterItCloses() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = socket.getLocalPort();
            assertThat(ListeningPorts.read(Path.of("/proc/net"))).contains(port);
        }
        assertThat(ListeningPorts.read(Path.of("/proc/net"))).doesNotContain(port);
    }
}
