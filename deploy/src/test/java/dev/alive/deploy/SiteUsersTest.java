package dev.alive.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code users: create}: the site gets its own Linux user (useradd --prefix), owns its files, runs as it. */
@Tag("slow")
class SiteUsersTest {

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.withSiteUsers(dir);
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void siteFilesBelongToTheSiteUserTheAppRunsAsItAndDestroyRemovesTheUser() throws IOException {
        var site = host.site(TestHost.EXAMPLE_DOMAIN);

        host.deploy(site).assertSucceeded();

        var user = passwdEntry("site-hello-alive-test");
        int uid = Integer.parseInt(user[2]);
        int gid = Integer.parseInt(user[3]);
        assertThat(user[6]).isEqualTo("/usr/sbin/nologin");
        assertThat(Path.of(user[5])).isEqualTo(host.paths(site).siteDir());
        var release = host.deployments().domain(site.domain()).orElseThrow().currentRelease();
        var paths = host.paths(site);
        for (var folder : List.of(paths.siteDir(), paths.releasesDir(), paths.depsDir(), paths.release(release))) {
            assertThat(modes(folder)).as("%s", folder).isEqualTo("rwxr-x---");
            assertThat(owner(folder)).as("%s", folder).containsExactly(uid, gid);
        }
        assertThat(owner(paths.release(release).resolve("dist"))).as("built by the site user").containsExactly(uid, gid);
        assertThat(modes(paths.envFile())).isEqualTo("rw-r-----");
        assertThat(owner(paths.envFile())).containsExactly(0, gid);
        var status = Files.readAllLines(Path.of("/proc", host.pid(site).orElseThrow().toString(), "status"));
        assertThat(status).contains("Uid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid,
                "Gid:\t" + gid + "\t" + gid + "\t" + gid + "\t" + gid);
        assertThat(host.getThroughProxy(site, "/").body()).contains("<h1>Hello from alive</h1>");

        host.destroy(site);

        assertThat(Files.readString(host.root().resolve("etc/passwd"))).doesNotContain("site-hello-alive-test");
        assertThat(Files.readString(host.root().resolve("etc/group"))).doesNotContain("site-hello-alive-test");
        assertThat(HostScan.filesOf(host, site)).isEmpty();
    }

    private String[] passwdEntry(String name) throws IOException {
        return Files.readAllLines(host.root().resolve("etc/passwd")).stream()
                .filter(line -> line.startsWith(name + ":"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no user " + name))
                .split(":");
    }

    private static String modes(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Integer> owner(Path path) throws IOException {
        return List.of((Integer) Files.getAttribute(path, "unix:uid"), (Integer) Files.getAttribute(path, "unix:gid"));
    }
}
