package dev.alive.engine.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.FileHashCache;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreePatternsTest {

    @TempDir
    Path temp;

    private final TreeFingerprinter fingerprinter = new TreeFingerprinter(FileHashCache.NONE);
    private TreeFixture tree;

    @BeforeEach
    void sampleTree() {
        tree = new TreeFixture(temp.resolve("site"))
                .file("package.json", "{}")
                .file("bun.lockb", "lock")
                .file("src/app.ts", "app")
                .file("src/app.css", "css")
                .file("src/deep/er/x.ts", "x")
                .file("node_modules/react/index.js", "react")
                .file("node_modules/react/package.json", "{}")
                .file("dist/index.html", "<html>")
                .file("a1.md", "1")
                .file("a22.md", "22");
    }

    private List<String> paths(List<String> includes, List<String> excludes) {
        return List.copyOf(fingerprinter.snapshot(tree.root, includes, excludes).entries().keySet());
    }

    @Test
    void emptyIncludeListMeansEverything() {
        assertThat(paths(List.of(), List.of())).contains("package.json", "node_modules/react/index.js", "dist");
    }

    @Test
    void doubleStarMatchesAnyDepthIncludingNone() {
        assertThat(paths(List.of("**/*.ts"), List.of())).containsExactly("src/app.ts", "src/deep/er/x.ts");
        assertThat(paths(List.of("**/package.json"), List.of()))
                .containsExactly("node_modules/react/package.json", "package.json");
    }

    @Test
    void singleStarStaysWithinOneSegment() {
        assertThat(paths(List.of("src/*.ts"), List.of())).containsExactly("src/app.ts");
        assertThat(paths(List.of("*.json"), List.of())).containsExactly("package.json");
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        assertThat(paths(List.of("a?.md"), List.of())).containsExactly("a1.md");
    }

    @Test
    void patternNamingADirectoryCoversEverythingUnderIt() {
        assertThat(paths(List.of("src"), List.of()))
                .containsExactly("src", "src/app.css", "src/app.ts", "src/deep", "src/deep/er", "src/deep/er/x.ts");
        assertThat(paths(List.of(), List.of("node_modules", "dist/")))
                .noneMatch(path -> path.startsWith("node_modules") || path.startsWith("dist"))
                .contains("src/deep/er/x.ts", "package.json");
    }

    @Test
    void excludesWinOverIncludes() {
        assertThat(paths(List.of("src/**"), List.of("**/*.css", "src/deep")))
                .containsExactly("src", "src/app.ts");
    }

    @Test
    void excludedFilesDoNotAffectTheFingerprint() {
        var before = fingerprinter.snapshot(tree.root, List.of(), List.of("node_modules", "dist"));

        tree.file("node_modules/react/index.js", "react 19").file("dist/new.js", "new");

        assertThat(fingerprinter.snapshot(tree.root, List.of(), List.of("node_modules", "dist"))).isEqualTo(before);
    }

    @Test
    void excludedDirectoriesAreNotWalked() {
        var listed = listedDirectories(List.of(), List.of("node_modules", "**/deep"));

        assertThat(listed).containsExactlyInAnyOrder("", "src", "dist");
    }

    @Test
    void directoriesWhereNoIncludeCanMatchAreNotWalked() {
        var listed = listedDirectories(List.of("src/deep/**", "*.json"), List.of());

        assertThat(listed).containsExactlyInAnyOrder("", "src", "src/deep", "src/deep/er");
    }

    @Test
    void singleFileRootIsFilteredByItsName() {
        var file = tree.path("package.json");

        assertThat(fingerprinter.snapshot(file, List.of("*.json"), List.of()).entries()).containsOnlyKeys("package.json");
        assertThat(fingerprinter.snapshot(file, List.of(), List.of("*.json")).entries()).isEmpty();
    }

    private List<String> listedDirectories(List<String> includes, List<String> excludes) {
        var listed = new ConcurrentLinkedQueue<String>();
        new TreeWalker(new PathFilter(includes, excludes), ForkJoinPool.commonPool(), listed::add).walk(tree.root);
        return List.copyOf(listed);
    }
}
