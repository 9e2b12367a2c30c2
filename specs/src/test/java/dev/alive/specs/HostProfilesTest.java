package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.alive.specs.Host.PortRange;
import dev.alive.specs.Host.Proxy;
import dev.alive.specs.Host.Services;
import dev.alive.specs.Host.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProfilesTest {

    @TempDir
    Path dir;

    private Map<String, String> pathWithCaddy() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path caddy = Files.writeString(bin.resolve("caddy"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(caddy, PosixFilePermissions.fromString("rwxr-xr-x"));
        return Map.of("PATH", "/nonexistent:" + bin);
    }

    @Test
    void localPutsEverythingUnderDotAliveOfTheWorkingDirectory() throws Exception {
        Host local = HostProfiles.local(dir, pathWithCaddy());
        Path root = dir.resolve(".alive");

        assertThat(local).isEqualTo(new Host("local", root, "sqlite:" + root.resolve("state.db"), root.resolve("sites"),
                root.resolve("env"), new PortRange(3333, 3999), "127.0.0.1", Optional.empty(), Users.NONE,
                Services.PROCESS, new Proxy(Proxy.Kind.CADDY, root.resolve("caddy/sites"),
                        root.resolve("caddy/Caddyfile"), "127.0.0.1:2019", "127.0.0.1:8080"), 5));
    }

    @Test
    void localHasNoProxyWhenCaddyIsNotOnThePath() {
        assertThat(HostProfiles.local(dir, Map.of("PATH", "/nonexistent")).proxy().kind()).isEqualTo(Proxy.Kind.NONE);
    }

    @Test
    void localTakesTheCaddyAdminAddressFromTheEnvironment() {
        Host local = HostProfiles.local(dir, Map.of(HostProfiles.CADDY_ADMIN_VARIABLE, "127.0.0.1:2999"));
        assertThat(local.proxy().adminAddress()).isEqualTo("127.0.0.1:2999");

        SpecException refused = assertThrows(SpecException.class,
                () -> HostProfiles.local(dir, Map.of(HostProfiles.CADDY_ADMIN_VARIABLE, "nowhere")));
        assertThat(refused.getMessage()).isEqualTo(
                "local: ALIVE_CADDY_ADMIN='nowhere' is not a host:port address; e.g. 127.0.0.1:2019");
    }

    @Test
    void productionUsesTheSystemLocations() {
        Host production = HostProfiles.production(Map.of());

        assertThat(production).isEqualTo(new Host("production", Path.of("/"), "sqlite:/var/lib/alive/state.db",
                Path.of("/srv/sites"), Path.of("/etc/sites"), new PortRange(3333, 3999), "127.0.0.1", Optional.empty(),
                Users.CREATE, Services.SYSTEMD, new Proxy(Proxy.Kind.CADDY, Path.of("/etc/caddy/sites"),
                        Path.of("/etc/caddy/Caddyfile"), "localhost:2019", ":443"), 5));
    }

    @Test
    void limitsDefaultToTheAsIsUnitsAndAFileOverridesThemKeyByKey() throws Exception {
        assertThat(HostProfiles.production(Map.of()).limits()).isEqualTo(new Host.Limits("1G", 50, 512, 512, 65536));
        Files.writeString(dir.resolve("big.yaml"), "apiVersion: alive/v1\nkind: Host\nbase: production\nroot: ./big\n"
                + "limits:\n  memory: 2048M\n  cpu: 150%\n  openFiles: 4096\n");

        Host big = SpecLoader.withEnvironment(Map.of()).loadHost(dir.resolve("big.yaml"));

        assertThat(big.limits()).isEqualTo(new Host.Limits("2048M", 150, 512, 512, 4096));
    }

    @Test
    void resolvesBuiltInsByNameAndEverythingElseAsAFileInTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("hosts"));
        Files.writeString(dir.resolve("hosts/staging.yaml"), "apiVersion: alive/v1\nkind: Host\nroot: ../stage\n");

        assertThat(HostProfiles.resolve("local", dir, Map.of()).name()).isEqualTo("local");
        assertThat(HostProfiles.resolve(null, dir, Map.of()).root()).isEqualTo(dir.resolve(".alive"));
        assertThat(HostProfiles.resolve("production", dir, Map.of()).root()).isEqualTo(Path.of("/"));
        Host staging = HostProfiles.resolve("hosts/staging.yaml", dir, Map.of());
        assertThat(staging.name()).isEqualTo("staging");
        assertThat(staging.root()).isEqualTo(dir.resolve("stage"));

        SpecException unknown = assertThrows(SpecException.class, () -> HostProfiles.resolve("prod", dir, Map.of()));
        assertThat(unknown.getMessage()).isEqualTo(
                "prod: is neither a built-in host profile (local, production) nor a file");
    }

    @Test
    void resolvesRelativePathsOfAHostFileUnderItsRootAndARelativeRootAgainstTheFile() throws Exception {
        Path file = write("hosts/box.yaml", """
                apiVersion: alive/v1
                kind: Host
                root: ../box-root
                state: sqlite:db/alive.db
                sites: www
                envDir: /etc/box-env
                ports: 4000-4099
                serverIp: 203.0.113.7
                wildcardDomain: alive.best
                users: create
                services: systemd
                proxy:
                  kind: none
                  sitesDir: proxy/sites
                  admin: 127.0.0.1:3019
                  listen: :8443
                keepReleases: 3
                keepRuns: 20
                """);
        Path root = dir.resolve("box-root");

        Host box = SpecLoader.withEnvironment(Map.of()).loadHost(file);

        assertThat(box).isEqualTo(new Host("box", root, "sqlite:" + root.resolve("db/alive.db"), root.resolve("www"),
                Path.of("/etc/box-env"), new PortRange(4000, 4099), "203.0.113.7", Optional.of("alive.best"),
                Users.CREATE, Services.SYSTEMD, new Proxy(Proxy.Kind.NONE, root.resolve("proxy/sites"),
                        root.resolve("caddy/Caddyfile"), "127.0.0.1:3019", ":8443"), 3, 20, Host.Limits.DEFAULTS));
    }

    @Test
    void takesMissingKeysFromTheProductionBaseUnderTheFilesRoot() throws Exception {
        Path file = write("prod-like.yaml", """
                apiVersion: alive/v1
                kind: Host
                base: production
                root: ./prefix
                state: postgres://alive:pw@db.internal:5432/alive
                """);
        Path root = dir.resolve("prefix");

        Host host = SpecLoader.withEnvironment(Map.of()).loadHost(file);

        assertThat(host.sites()).isEqualTo(root.resolve("srv/sites"));
        assertThat(host.envDir()).isEqualTo(root.resolve("etc/sites"));
        assertThat(host.proxy().mainCaddyfile()).isEqualTo(root.resolve("etc/caddy/Caddyfile"));
        assertThat(host.users()).isEqualTo(Users.CREATE);
        assertThat(host.services()).isEqualTo(Services.SYSTEMD);
        assertThat(host.state()).isEqualTo("postgresql://alive:pw@db.internal:5432/alive");
    }

    @Test
    void readsTheStateFromAnEnvironmentVariable() throws Exception {
        Path file = write("h.yaml", "apiVersion: alive/v1\nkind: Host\nroot: .\nstate: ${ALIVE_STATE_URL}\n");

        Host host = SpecLoader.withEnvironment(Map.of("ALIVE_STATE_URL", "postgresql://u:s3cret@h/db")).loadHost(file);
        assertThat(host.state()).isEqualTo("postgresql://u:s3cret@h/db");

        SpecException refused = assertThrows(SpecException.class,
                () -> SpecLoader.withEnvironment(Map.of()).loadHost(file));
        assertThat(refused.getMessage()).isEqualTo(file + ":4:8: state: ${ALIVE_STATE_URL} is not set in alive's"
                + " environment; export ALIVE_STATE_URL before running alive");
    }

    @Test
    void refusesARelativeRootThatResolvesToTheFilesystemRoot() throws Exception {
        String dots = "../".repeat(dir.getNameCount() + 2) + "..";
        Path file = write("h.yaml", "apiVersion: alive/v1\nkind: Host\nroot: " + dots + "\n");

        SpecException refused = assertThrows(SpecException.class,
                () -> SpecLoader.withEnvironment(Map.of()).loadHost(file));

        assertThat(refused.getMessage()).isEqualTo(file + ":3:7: root '" + dots + "' resolves to / (from " + dir
                + "); a relative root must not be the whole machine: write root: / if you mean it");
    }

    @Test
    void acceptsAnAbsoluteRootOfSlash() throws Exception {
        Path file = write("h.yaml", "apiVersion: alive/v1\nkind: Host\nroot: /\nbase: production\n");
        assertThat(SpecLoader.withEnvironment(Map.of()).loadHost(file).sites()).isEqualTo(Path.of("/srv/sites"));
    }

    @Test
    void reportsEveryBadValueOfAHostFileWithItsLine() throws Exception {
        Path file = write("bad.yaml", """
                apiVersion: alive/v1
                kind: Host
                root: .
                base: prod
                state: mysql://u:s3cret@h/db
                sites: ../../outside
                ports: 3999-3333
                serverIp: 300.1.1.1
                users: maybe
                services: systemctl
                proxy:
                  kind: nginx
                  admin: 2019
                keepReleases: 0
                keepRuns: 100000
                wildcard: alive.best
                """);

        SpecException refused = assertThrows(SpecException.class,
                () -> SpecLoader.withEnvironment(Map.of()).loadHost(file));

        assertThat(refused.problems()).extracting(p -> p.line() + ":" + p.column() + ": " + p.message()).containsExactly(
                "4:7: base: expected one of local, production, got 'prod'; did you mean 'production'?",
                "5:8: state 'mysql://u:***@h/db' is not a state store alive knows; expected sqlite:<path> or"
                        + " postgresql://user@host:5432/database",
                "6:8: sites '../../outside' leaves the root " + dir + "; write an absolute path if you mean a folder"
                        + " outside it",
                "7:8: ports 3999-3333 runs backwards; write 3333-3999",
                "8:11: serverIp '300.1.1.1' is not an IP address; e.g. serverIp: 203.0.113.7",
                "9:8: users: expected one of create, none, got 'maybe'",
                "10:11: services: expected one of process, systemd, got 'systemctl'; did you mean 'systemd'?",
                "12:9: proxy.kind: expected one of auto, caddy, none, got 'nginx'",
                "13:10: proxy.admin '2019' is not a host:port address; e.g. 127.0.0.1:2019",
                "14:15: keepReleases: 0 is out of range; expected 1 to 100",
                "15:11: keepRuns: 100000 is out of range; expected 1 to 10000",
                "16:1: unknown key 'wildcard'; did you mean 'wildcardDomain'?");
        assertThat(refused.getMessage()).doesNotContain("s3cret");
    }

    @Test
    void neverPrintsTheStatePassword() throws Exception {
        Path file = write("h.yaml", "apiVersion: alive/v1\nkind: Host\nroot: .\nstate: postgresql://alive:s3cret@/db\n");

        SpecException refused = assertThrows(SpecException.class,
                () -> SpecLoader.withEnvironment(Map.of()).loadHost(file));
        assertThat(refused.getMessage()).isEqualTo(file + ":4:8: state 'postgresql://alive:***@/db' names no host;"
                + " write postgresql://user:password@host:5432/database");

        Host host = HostProfiles.local(dir, Map.of());
        Host withPassword = new Host(host.name(), host.root(), "postgresql://alive:s3cret@db/alive", host.sites(),
                host.envDir(), host.ports(), host.serverIp(), host.wildcardDomain(), host.users(), host.services(),
                host.proxy(), host.keepReleases());
        assertThat(withPassword.toString()).doesNotContain("s3cret").contains("postgresql://alive:***@db/alive");
        assertThat(withPassword.stateForDisplay()).isEqualTo("postgresql://alive:***@db/alive");
    }

    private Path write(String relative, String content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
