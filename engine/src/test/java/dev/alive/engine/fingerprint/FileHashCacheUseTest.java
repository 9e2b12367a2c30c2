package dev.alive.engine.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.FileHashCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashCacheUseTest {

    private static final Instant LAST_EDIT = Instant.parse("2026-01-01T10:00:00Z");
    private static final String BOGUS = "0".repeat(64);

    @TempDir
    Path temp;

    private final CountingFileHashCache cache = new CountingFileHashCache();
    private TreeFixture tree;

    @BeforeEach
    void treeLastEditedLongAgo() {
        tree = new TreeFixture(temp.resolve("site")).file("a.txt", "a").file("b/c.txt", "c").file("b/d.txt", "d");
        for (var file : List.of("a.txt", "b/c.txt", "b/d.txt")) {
            tree.modifiedAt(file, LAST_EDIT);
        }
    }

    private TreeSnapshot snapshotAt(Instant now) {
        return new TreeFingerprinter(cache, FingerprintPool.shared(), Clock.fixed(now, ZoneOffset.UTC))
                .snapshot(tree.root, List.of(), List.of());
    }

    private TreeSnapshot uncached() {
        return new TreeFingerprinter(FileHashCache.NONE).snapshot(tree.root, List.of(), List.of());
    }

    private FileHashCache.Key keyOf(String relativePath) throws Exception {
        var path = tree.path(relativePath).toAbsolutePath();
        return FileStat.of(path).cacheKey(path);
    }

    @Test
    void firstSnapshotHashesEveryFileAndCachesIt() {
        snapshotAt(LAST_EDIT.plusSeconds(60));

        assertThat(cache.hits).hasValue(0);
        assertThat(cache.puts).hasValue(3);
        assertThat(cache.flushes).hasValue(1);
    }

    @Test
    void unchangedTreeIsCheckedFromTheCacheAlone() {
        var first = snapshotAt(LAST_EDIT.plusSeconds(60));
        cache.resetCounts();

        var second = snapshotAt(LAST_EDIT.plusSeconds(120));

        assertThat(second).isEqualTo(first);
        assertThat(cache.hits).hasValue(3);
        assertThat(cache.puts).hasValue(0);
    }

    @Test
    void cacheHitIsTrustedWithoutReadingTheFile() throws Exception {
        cache.put(keyOf("a.txt"), BOGUS);

        var snapshot = snapshotAt(LAST_EDIT.plusSeconds(60));

        assertThat(snapshot.entries().get("a.txt")).isNotEqualTo(uncached().entries().get("a.txt"));
        assertThat(snapshot.entries().get("b/c.txt")).isEqualTo(uncached().entries().get("b/c.txt"));
    }

    @Test
    void racyFileIsRehashedEvenWhenItsKeyMatches() throws Exception {
        cache.put(keyOf("a.txt"), BOGUS);
        cache.resetCounts();

        var snapshot = snapshotAt(LAST_EDIT.plusMillis(800));

        assertThat(snapshot).isEqualTo(uncached());
        assertThat(cache.hits).hasValue(0);
        assertThat(cache.puts).as("racy hashes are not cached").hasValue(0);
    }

    @Test
    void fileModifiedExactlyOneSecondBeforeTheSnapshotIsStillRacy() {
        snapshotAt(LAST_EDIT.plusSeconds(1));

        assertThat(cache.puts).hasValue(0);
    }

    @Test
    void justCreatedFilesAreNeverCached() {
        tree.file("fresh.txt", "fresh");

        new TreeFingerprinter(cache).snapshot(tree.root, List.of(), List.of());

        assertThat(cache.hashes.keySet()).extracting(FileHashCache.Key::path)
                .noneMatch(path -> path.endsWith("fresh.txt"))
                .anyMatch(path -> path.endsWith("a.txt"));
    }

    @Test
    void changedFileMissesTheCacheAndIsRehashed() {
        var before = snapshotAt(LAST_EDIT.plusSeconds(60));
        tree.file("b/c.txt", "C").modifiedAt("b/c.txt", LAST_EDIT.plusSeconds(5));
        cache.resetCounts();

        var after = snapshotAt(LAST_EDIT.plusSeconds(120));

        assertThat(cache.hits).hasValue(2);
        assertThat(cache.puts).hasValue(1);
        assertThat(after.changesSince(before).modified()).containsExactly("b/c.txt");
    }

    @Test
    void contentRewrittenWithTheSameSizeAndMtimeIsNoticedThroughCtime() throws Exception {
        var before = snapshotAt(LAST_EDIT.plusSeconds(60));
        var keyBefore = keyOf("a.txt");
        Thread.sleep(10);
        tree.file("a.txt", "A").modifiedAt("a.txt", LAST_EDIT);

        var after = snapshotAt(LAST_EDIT.plusSeconds(120));

        assertThat(keyOf("a.txt").mtimeNanos()).isEqualTo(keyBefore.mtimeNanos());
        assertThat(after.changesSince(before).modified()).containsExactly("a.txt");
    }
}
