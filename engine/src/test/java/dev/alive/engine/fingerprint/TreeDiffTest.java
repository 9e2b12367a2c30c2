package dev.alive.engine.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.FileHashCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeDiffTest {

    @TempDir
    Path temp;

    @Test
    void listsAddedRemovedAndModifiedPathsSorted() throws Exception {
        var fingerprinter = new TreeFingerprinter(FileHashCache.NONE);
        var tree = new TreeFixture(temp).file("keep.txt", "k").file("edit.txt", "1").file("gone/x.txt", "x");
        var before = fingerprinter.snapshot(temp, List.of(), List.of());

        tree.file("edit.txt", "2").file("new/b.txt", "b").file("new/a.txt", "a");
        Files.delete(tree.path("gone/x.txt"));
        Files.delete(tree.path("gone"));
        var diff = fingerprinter.snapshot(temp, List.of(), List.of()).changesSince(before);

        assertThat(diff.added()).containsExactly("new", "new/a.txt", "new/b.txt");
        assertThat(diff.removed()).containsExactly("gone", "gone/x.txt");
        assertThat(diff.modified()).containsExactly("edit.txt");
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void identicalSnapshotsHaveNoChanges() {
        var diff = TreeDiff.between(Map.of("a", "1"), Map.of("a", "1"));

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.describe(3)).isEqualTo("no changes");
    }

    @Test
    void describesTheFirstFewPathsOfEachKind() {
        var diff = TreeDiff.between(
                Map.of("m1", "1", "m2", "1", "r", "1"),
                Map.of("m1", "2", "m2", "2", "a1", "1", "a2", "1", "a3", "1"));

        assertThat(diff.describe(2)).isEqualTo("modified m1, m2; added a1, a2 and 1 more; removed r");
    }
}
