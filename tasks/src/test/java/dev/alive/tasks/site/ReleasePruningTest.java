package dev.alive.tasks.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.tasks.SitePaths;
import dev.alive.tasks.host.LocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasePruningTest {

    @TempDir
    Path dir;

    private SitePaths paths;
    private long clock = 1_700_000_000_000L;

    @BeforeEach
    void site() throws IOException {
        var siteDir = dir.resolve("sites/hello.alive.test");
        paths = new SitePaths(siteDir, siteDir.resolve("releases"), siteDir.resolve("deps"), siteDir.resolve("current"),
                dir.resolve("env/hello.env"), dir.resolve("services"), dir.resolve("caddy/hello.caddy"));
        Files.createDirectories(paths.releasesDir());
        Files.createDirectories(paths.depsDir());
    }

    private void release(String id, String deps) throws IOException {
        var release = Files.createDirectory(paths.release(id));
        Files.createDirectories(paths.deps(deps).resolve("node_modules"));
        Files.createSymbolicLink(release.resolve("node_modules"), release.relativize(paths.deps(deps).resolve("node_modules")));
        Files.setLastModifiedTime(release, FileTime.fromMillis(clock += 1000));
    }

    private void live(String id) throws IOException {
        Files.createSymbolicLink(paths.currentLink(), Path.of("releases", id));
    }

    @Test
    void keepsTheNewestReleasesCountingTheNewAndTheLiveOneAndTheDependenciesTheyUse() throws IOException {
        release("a", "deps-1");
        release("b", "deps-1");
        release("c", "deps-2");
        release("d", "deps-3");
        live("b");
        release("e", "deps-4");
        var log = new ArrayList<String>();

        var removed = new ReleasePruning(paths, new LocalFiles(), 3).prune("e", log::add);

        assertThat(removed).containsExactly("a", "c");
        assertThat(children(paths.releasesDir())).containsExactly("b", "d", "e");
        assertThat(children(paths.depsDir())).containsExactly("deps-1", "deps-3", "deps-4");
        assertThat(log).contains("removed old release a (keeping 3)",
                "removed dependencies deps-2, which no kept release uses");
    }

    @Test
    void neverRemovesTheNewOrTheLiveReleaseEvenWhenKeepingOne() throws IOException {
        release("a", "deps-1");
        release("b", "deps-2");
        live("a");

        var removed = new ReleasePruning(paths, new LocalFiles(), 1).prune("b", line -> { });

        assertThat(removed).isEmpty();
        assertThat(children(paths.releasesDir())).containsExactly("a", "b");
    }

    @Test
    void removesStagingFoldersADeadRunLeftHalfCopied() throws IOException {
        release("a", "deps-1");
        live("a");
        var staging = Files.createDirectories(paths.releasesDir().resolve(".c0ffee123456.tmp/src"));
        Files.writeString(staging.resolve("half.js"), "cons");
        Files.writeString(paths.releasesDir().resolve(".notes"), "not a folder: left alone");
        var log = new ArrayList<String>();

        var removed = new ReleasePruning(paths, new LocalFiles(), 5).prune("a", log::add);

        assertThat(removed).containsExactly(".c0ffee123456.tmp");
        assertThat(children(paths.releasesDir())).containsExactly(".notes", "a");
        assertThat(log).contains("removed .c0ffee123456.tmp, left half-copied by an interrupted run");
    }

    @Test
    void leftoversNameExactlyWhatPruningRemovesAndNothingOnceItHas() throws IOException {
        for (var id : List.of("a", "b", "c", "d", "e", "f")) {
            release(id, "deps-" + id);
        }
        live("e");
        Files.createDirectories(paths.releasesDir().resolve(".g.tmp"));
        var pruning = new ReleasePruning(paths, new LocalFiles(), 3);

        var leftovers = pruning.leftovers("f");
        var removed = pruning.prune("f", line -> { });

        assertThat(leftovers).containsExactly("a", "b", "c", ".g.tmp");
        assertThat(removed).isEqualTo(leftovers);
        assertThat(children(paths.releasesDir())).containsExactly("d", "e", "f");
        assertThat(pruning.leftovers("f")).isEmpty();
    }

    private static List<String> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
