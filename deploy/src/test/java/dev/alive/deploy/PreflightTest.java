package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alive.specs.Host;
import dev.alive.specs.HostProfiles;
import dev.alive.specs.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path dir;

    @Test
    void aMissingAppProgramIsNamedWithTheCommandAndTheSiteThatNeedIt() {
        var bin = fakeBin("caddy");
        var host = host(Host.Proxy.Kind.NONE);
        assertThatThrownBy(() -> new Preflight(bin.toString(), bin.toString()).check(List.of(site()), host))
                .hasMessageContaining("npm (the install command of hello.alive.test) is not on PATH " + bin)
                .hasMessageContaining("node (the start command of hello.alive.test) is not on PATH");
    }

    @Test
    void aMissingCaddyIsNamedWithTheFixWhenTheHostHasACaddyProxy() {
        var bin = fakeBin("npm", "node");
        assertThatThrownBy(() -> new Preflight(bin.toString(), bin.toString()).check(List.of(site()),
                host(Host.Proxy.Kind.CADDY)))
                .hasMessageContaining("caddy (the proxy of host local) is not installed")
                .hasMessageContaining("proxy.kind: none");
        assertThatCode(() -> new Preflight(bin.toString(), bin.toString()).check(List.of(site()),
                host(Host.Proxy.Kind.NONE))).doesNotThrowAnyException();
    }

    @Test
    void passesWhenEveryProgramIsThere() {
        var bin = fakeBin("npm", "node", "caddy");
        assertThatCode(() -> new Preflight(bin.toString(), bin.toString()).check(List.of(site()),
                host(Host.Proxy.Kind.CADDY))).doesNotThrowAnyException();
        assertThat(bin.resolve("node")).isExecutable();
    }

    private Path fakeBin(String... programs) {
        try {
            var bin = Files.createDirectories(dir.resolve("bin-" + String.join("-", programs)));
            for (var program : programs) {
                Files.writeString(bin.resolve(program), "#!/bin/sh\n");
                Files.setPosixFilePermissions(bin.resolve(program), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return bin;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Host host(Host.Proxy.Kind kind) {
        var local = HostProfiles.local(dir, Map.of());
        var proxy = local.proxy();
        return local.withProxy(new Host.Proxy(kind, proxy.sitesDir(), proxy.mainCaddyfile(), proxy.adminAddress(),
                proxy.listenAddress()));
    }

    private Site site() {
        return new Site(dir.resolve("site.yaml"), "hello.alive.test",
                new Site.Owner("owner@example.com", "Example"), dir,
                new Site.App(".", Optional.of("npm install"), Optional.of(new Site.Build("npm run build", List.of("dist"))),
                        "node server.js", Map.of()),
                new Site.Health("/health", Duration.ofSeconds(5)), new Site.Port.Auto());
    }
}
