package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaddyConfigTest {
    @TempDir
    Path dir;

    @Test
    void rendersTheFleetBlockWithSnippetsTheMainFileDefines() {
        String main = "(common_headers) {\n\theader X-Frame-Options DENY\n}\n  (image_serving) {\n}\n(other) {\n}\n";

        String site = CaddyConfig.siteFile("hello.alive.best", 3333, ":443", CaddyConfig.definedSnippets(main));

        assertThat(site).endsWith("""
                hello.alive.best {
                \timport common_headers
                \timport image_serving
                \treverse_proxy localhost:3333 {
                \t\theader_up Host {host}
                \t\theader_up X-Real-IP {remote_host}
                \t\theader_up X-Forwarded-For {remote_host}
                \t\theader_up X-Forwarded-Proto {scheme}
                \t}
                }
                """);
        assertThat(CaddyConfig.definedSnippets(main)).containsExactly("common_headers", "image_serving", "other");
    }

    @Test
    void servesPlainHttpOnTheLocalListenAddressWithoutSnippetsItLacks() {
        String site = CaddyConfig.siteFile("hello.alive.test", 3333, "127.0.0.1:8080", Set.of("other"));

        assertThat(site).contains("http://hello.alive.test:8080 {\n\tbind 127.0.0.1\n\treverse_proxy localhost:3333 {\n")
                .doesNotContain("import");
    }

    @Test
    void refusesDomainsAndPathsThatCouldChangeTheConfig() {
        assertThatThrownBy(() -> CaddyConfig.siteFile("evil.test {\n}\nimport /etc", 1, ":443", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaddyConfig.siteFile("Upper.Test", 1, ":443", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaddyConfig.siteFile("ok.test", 70000, ":443", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaddyConfig.localMainCaddyfile("127.0.0.1:2019", Path.of("/x\"}"), Path.of("/s")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaddyConfig.localMainCaddyfile(":2019", Path.of("/x"), Path.of("/s")))
                .hasMessageContaining("needs a host");
    }

    @Test
    void renderedFilesAreWhatCaddyValidates() throws Exception {
        Path sites = Files.createDirectory(dir.resolve("sites"));
        Path main = Files.writeString(dir.resolve("Caddyfile"),
                CaddyConfig.localMainCaddyfile("127.0.0.1:2019", dir.resolve("data"), sites));
        Files.writeString(sites.resolve(CaddyConfig.fileName("hello.alive.test")),
                CaddyConfig.siteFile("hello.alive.test", 3333, "127.0.0.1:8080", Set.of()));
        Caddy caddy = new Caddy(new LocalCommandRunner(), dir.resolve("home"));

        caddy.validate(main);

        Files.writeString(sites.resolve("broken.caddy"), "broken.alive.test {\n\treverse_proxyy localhost:1\n}\n");
        assertThatThrownBy(() -> caddy.validate(main))
                .isInstanceOf(CaddyConfigInvalidException.class)
                .hasMessageContaining("broken.caddy:2: unrecognized directive: reverse_proxyy");
    }
}
