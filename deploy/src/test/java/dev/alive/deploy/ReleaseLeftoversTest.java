package dev.alive.deploy;

import static dev.alive.deploy.RedeployTest.children;
import static dev.alive.deploy.RedeployTest.edit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.deploy.RedeployTest.Live;
import dev.alive.engine.PlannedTask;
import dev.alive.engine.task.TaskId;
import dev.alive.tasks.SiteReleases;
import dev.alive.tasks.host.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release folders beyond keepReleases that a run left when it died after making a release and
 * before pruning, or while pruning (older releases, a half-copied staging folder), are removed by
 * the next apply, even when nothing else changed; the live release and the rollback target stay.
 */
@Tag("slow")
class ReleaseLeftoversTest {

    private static final String DOMAIN = TestHost.EXAMPLE_DOMAIN;

    @TempDir
    Path dir;

    private TestHost host;

    @BeforeEach
    void host() {
        host = TestHost.local(dir);
    }

    @AfterEach
    void stopEverything() {
        host.close();
    }

    @Test
    void theNextApplyRemovesFoldersACrashLeftButNeverTheLiveReleaseOrTheRollbackTarget() throws IOException {
        var site = host.site(DOMAIN);
        host.deploy(site).assertSucceeded();
        var rollbackTarget = Live.of(host, site).release();
        edit(site.template().resolve("src/index.html"), "<h1>Hello from alive</h1>", "<h1>Hello again from alive</h1>");
        host.apply(site).assertSucceeded();
        var live = Live.of(host, site);
        var releases = host.paths(site).releasesDir();
        var leftOver = new ArrayList<String>();
        for (var i = 1; i <= 6; i++) {
            var id = String.format("%012d", i);
            var old = releases.resolve(id);
            copy(releases.resolve(rollbackTarget), old);
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_700_000_000_000L + i * 1000L));
            leftOver.add(id);
        }
        assertThat(SiteReleases.of(host.paths(site), new LocalFiles()).previous().orElseThrow().id())
                .isEqualTo(rollbackTarget);
        var staging = Files.createDirectories(releases.resolve(".0123456789ab.tmp/src"));
        Files.writeString(staging.resolve("index.html"), "<h1>Hal");

        var plan = host.plan(site);
        var applied = host.apply(site).assertSucceeded();

        var release = plan.task(TaskId.of(DOMAIN, "release")).orElseThrow();
        assertThat(release.action()).isEqualTo(PlannedTask.Action.RUN);
        assertThat(release.reasons()).anyMatch(reason -> reason.contains("left beyond keepReleases 5")
                && reason.contains(".0123456789ab.tmp"));
        assertThat(applied.ran(site)).containsExactly("release");
        assertThat(Live.of(host, site)).isEqualTo(live);
        var expected = new ArrayList<>(List.of(live.release(), rollbackTarget, leftOver.get(5), leftOver.get(4),
                leftOver.get(3)));
        expected.sort(null);
        assertThat(children(releases)).containsExactlyElementsOf(expected);
        assertThat(SiteReleases.of(host.paths(site), new LocalFiles()).previous().orElseThrow().id())
                .isEqualTo(rollbackTarget);
        assertThat(host.plan(site).hasChanges()).isFalse();
        assertThat(host.getThroughProxy(site, "/").body()).contains("Hello again from alive");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (var path : paths.toList()) {
                var target = to.resolve(from.relativize(path).toString());
                if (Files.isSymbolicLink(path)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
