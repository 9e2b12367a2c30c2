package dev.alive.engine.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alive.engine.store.FileHashCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TreeFingerprinterTest {

    @TempDir
    Path temp;

    private final TreeFingerprinter fingerprinter = new TreeFingerprinter(FileHashCache.NONE);
    private TreeFixture tree;

    @BeforeEach
    void sampleTree() {
        tree = sample(temp.resolve("site"));
    }

    private static TreeFixture sample(Path root) {
        return new TreeFixture(root)
                .file("package.json", "{\"name\":\"site\"}\n")
                .file("src/app.ts", "export const app = 1;\n")
                .file("src/lib/util.ts", "export {};\n")
                .dir("public/empty")
                .symlink("src/current", "lib");
    }

    private String fingerprint(Path root) {
        return snapshot(root).fingerprint();
    }

    private TreeSnapshot snapshot(Path root) {
        return fingerprinter.snapshot(root, List.of(), List.of());
    }

    @Test
    void fingerprintIsTheDocumentedDigestOfTheSortedEntryDigests() throws Exception {
        var root = temp.resolve("format");
        new TreeFixture(root).file("é.txt", "content\n").dir("sub").symlink("sub/link", "../ünïcode-target");
        var file = root.resolve("é.txt");
        var mode = Integer.toOctalString((Integer) Files.getAttribute(file, "unix:mode") & 07777);
        var dirMode = Integer.toOctalString((Integer) Files.getAttribute(root.resolve("sub"), "unix:mode") & 07777);
        var linkMode = Integer.toOctalString((Integer) Files.getAttribute(root.resolve("sub/link"), "unix:mode",
                java.nio.file.LinkOption.NOFOLLOW_LINKS) & 07777);
        var entries = new java.util.TreeMap<String, String>();
        entries.put("sub", "d " + dirMode);
        entries.put("sub/link", "l " + linkMode + " " + sha256("../ünïcode-target"));
        entries.put("é.txt", "f " + mode + " " + sha256("content\n"));
        var chunk = new StringBuilder();
        entries.forEach((path, digest) -> chunk.append(path).append('\0').append(digest).append('\n'));
        var text = "alive-tree-v2\n" + sha256(chunk.toString()) + "\n";

        var snapshot = snapshot(root);

        assertThat(snapshot.entries()).isEqualTo(entries);
        assertThat(snapshot.fingerprint()).isEqualTo(sha256(text));
    }

    @Test
    void aTreeOfManyChunksIsTheDocumentedDigestOfItsChunkDigestsOnAnyPool() throws Exception {
        var root = temp.resolve("chunks");
        var fixture = new TreeFixture(root);
        var files = TreeFingerprinter.CHUNK_ENTRIES * 2 + 300;
        for (var i = 0; i < files; i++) {
            fixture.file("d" + (i % 7) + "/f" + i, "content " + i);
        }

        var snapshot = snapshot(root);

        var paths = new java.util.ArrayList<>(snapshot.entries().keySet());
        assertThat(paths).hasSize(files + 7);
        var text = new StringBuilder("alive-tree-v2\n");
        for (var from = 0; from < paths.size(); from += TreeFingerprinter.CHUNK_ENTRIES) {
            var chunk = new StringBuilder();
            for (var path : paths.subList(from, Math.min(paths.size(), from + TreeFingerprinter.CHUNK_ENTRIES))) {
                chunk.append(path).append('\0').append(snapshot.entries().get(path)).append('\n');
            }
            text.append(sha256(chunk.toString())).append('\n');
        }
        assertThat(snapshot.fingerprint()).isEqualTo(sha256(text.toString()));
        var onePool = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertThat(TreeFingerprinter.treeFingerprint(snapshot.entries(), onePool)).isEqualTo(snapshot.fingerprint());
        } finally {
            onePool.shutdown();
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void sameTreeGivesSameFingerprint() {
        var copy = sample(temp.resolve("copy"));

        assertThat(fingerprint(tree.root)).isEqualTo(fingerprint(tree.root)).isEqualTo(fingerprint(copy.root));
    }

    @Test
    void recordsEveryEntryBySortedSlashSeparatedRelativePath() {
        assertThat(snapshot(tree.root).entries().keySet()).containsExactly(
                "package.json", "public", "public/empty", "src", "src/app.ts", "src/current", "src/lib",
                "src/lib/util.ts");
    }

    @Test
    void contentChangeChangesFingerprint() {
        var before = fingerprint(tree.root);

        tree.file("src/app.ts", "export const app = 2;\n");

        assertThat(fingerprint(tree.root)).isNotEqualTo(before);
    }

    @Test
    void modeChangeChangesFingerprint() {
        tree.mode("src/app.ts", "rw-r--r--");
        var before = fingerprint(tree.root);

        tree.mode("src/app.ts", "rwxr-xr-x");

        assertThat(fingerprint(tree.root)).isNotEqualTo(before);
    }

    @Test
    void directoryModeChangeChangesFingerprint() {
        tree.mode("public/empty", "rwxr-xr-x");
        var before = fingerprint(tree.root);

        tree.mode("public/empty", "rwx------");

        assertThat(fingerprint(tree.root)).isNotEqualTo(before);
    }

    @Test
    void symlinkTargetChangeChangesFingerprint() {
        var before = fingerprint(tree.root);

        tree.symlink("src/current", "lib/util.ts");

        assertThat(fingerprint(tree.root)).isNotEqualTo(before);
    }

    @Test
    void symlinkIsNotFollowed() throws Exception {
        var outside = new TreeFixture(temp.resolve("outside")).file("x.txt", "one");
        tree.symlink("outside", outside.root.toString());
        var before = snapshot(tree.root);

        outside.file("x.txt", "two, longer");

        assertThat(snapshot(tree.root)).isEqualTo(before);
        assertThat(before.entries()).containsKey("outside").doesNotContainKey("outside/x.txt");
    }

    @Test
    void danglingSymlinkIsAnEntry() {
        tree.symlink("dangling", "no/such/file");

        assertThat(snapshot(tree.root).entries()).containsKey("dangling");
    }

    @Test
    void renameChangesFingerprint() throws Exception {
        var before = fingerprint(tree.root);

        Files.move(tree.path("src/app.ts"), tree.path("src/main.ts"));

        assertThat(fingerprint(tree.root)).isNotEqualTo(before);
    }

    @Test
    void emptyDirectoryCountsAsEntry() {
        var before = fingerprint(tree.root);

        tree.dir("public/another-empty");

        assertThat(fingerprint(tree.root)).isNotEqualTo(before);
    }

    @Test
    void fileAndSymlinkOfSameTextDiffer() {
        var asFile = new TreeFixture(temp.resolve("a")).file("x", "target");
        var asLink = new TreeFixture(temp.resolve("b")).symlink("x", "target");

        assertThat(fingerprint(asFile.root)).isNotEqualTo(fingerprint(asLink.root));
    }

    @Test
    void missingRootIsAnEmptyTreeWithAStableFingerprint() {
        var missing = snapshot(temp.resolve("no-such-dir"));

        assertThat(missing.entries()).isEmpty();
        assertThat(missing).isEqualTo(snapshot(temp.resolve("other-missing"))).isEqualTo(TreeSnapshot.empty());
        assertThat(missing.fingerprint()).matches("[0-9a-f]{64}").isNotEqualTo(fingerprint(tree.root));
    }

    @Test
    void singleFileRootIsATreeOfThatFileNamedByItsFileName() {
        var file = tree.path("package.json");

        var single = snapshot(file);

        assertThat(single.entries()).containsOnlyKeys("package.json");
        assertThat(single.entries().get("package.json")).isEqualTo(snapshot(tree.root).entries().get("package.json"));
    }

    @Test
    void symlinkRootIsRecordedByTargetNotFollowed() {
        var link = new TreeFixture(temp).symlink("current", tree.root.toString()).path("current");

        var snapshot = snapshot(link);

        assertThat(snapshot.entries()).containsOnlyKeys("current");
    }

    @Test
    void recordsContentHashesThatSha256sumWouldPrint() {
        var cache = new CountingFileHashCache();
        var file = new TreeFixture(temp.resolve("hello")).file("hello.txt", "hello\n").modifiedAt("hello.txt",
                java.time.Instant.now().minusSeconds(60));

        new TreeFingerprinter(cache).snapshot(file.root, List.of(), List.of());

        assertThat(cache.hashes.values())
                .containsExactly("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
    }

    @Test
    void largeFilesAndManyFilesHashTheSameInParallelAsAlone() throws Exception {
        var many = new TreeFixture(temp.resolve("many"));
        for (var i = 0; i < 200; i++) {
            many.file("d" + i % 7 + "/f" + i, "content " + i);
        }
        var big = new byte[1_000_003];
        new java.util.Random(7).nextBytes(big);
        Files.write(many.path("big.bin"), big);

        var together = snapshot(many.root).entries();

        assertThat(together).hasSize(208);
        for (var name : List.of("big.bin", "d3/f10", "d3/f199")) {
            assertThat(snapshot(many.path(name)).entries().values()).containsExactly(together.get(name));
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void fifoIsRecordedWithoutBeingRead() throws Exception {
        var fifo = tree.path("pipe");
        var mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(snapshot(tree.root).entries()).containsKey("pipe");
    }
}
