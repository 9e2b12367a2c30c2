package dev.alive.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.specs.HostProfiles;
import dev.alive.tasks.host.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteReleasesTest {

    @TempDir
    Path dir;

    private SitePaths paths;

    @BeforeEach
    void site() throws IOException {
        paths = SitePaths.of("hello.alive.test", "hello-alive-test", HostProfiles.local(dir, Map.of()));
        Files.createDirectories(paths.releasesDir());
    }

    private void release(String id, long modifiedAt) throws IOException {
        Files.createDirectories(paths.release(id));
        Files.setLastModifiedTime(paths.release(id), FileTime.fromMillis(modifiedAt));
    }

    @Test
    void listsTheReleasesNewestFirstThenByIdLeavingOutHiddenFoldersAndFiles() throws IOException {
        release("a", 1_000);
        release("c", 3_000);
        release("b", 3_000);
        release(".d.tmp", 4_000);
        Files.writeString(paths.releasesDir().resolve("notes.txt"), "not a release");

        var releases = SiteReleases.of(paths, new LocalFiles());

        assertThat(releases.releases()).extracting(SiteReleases.Release::id).containsExactly("c", "b", "a");
        assertThat(releases.current()).isEmpty();
        assertThat(releases.previous()).map(SiteReleases.Release::id).contains("c");
    }

    @Test
    void namesTheReleaseCurrentPointsAtAndTheNewestOtherOneAsPrevious() throws IOException {
        release("a", 1_000);
        release("b", 2_000);
        release("c", 3_000);
        Files.createSymbolicLink(paths.currentLink(), Path.of("releases", "c"));

        var releases = SiteReleases.of(paths, new LocalFiles());

        assertThat(releases.current()).map(SiteReleases.Release::id).contains("c");
        assertThat(releases.previous()).map(SiteReleases.Release::id).contains("b");
        assertThat(releases.find("a")).map(SiteReleases.Release::current).contains(false);
        assertThat(releases.find("zz")).isEmpty();
    }

    @Test
    void aSiteWithoutReleasesHasNone() {
        var releases = SiteReleases.of(SitePaths.of("new.alive.test", "new-alive-test",
                HostProfiles.local(dir, Map.of())), new LocalFiles());

        assertThat(releases.releases()).isEmpty();
        assertThat(releases.previous()).isEmpty();
    }
}
