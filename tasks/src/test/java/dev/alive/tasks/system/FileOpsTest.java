package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOpsTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyWithTheExactModeWhateverTheUmask() throws Exception {
        Path env = dir.resolve("site.env");
        Files.writeString(env, "OLD=1\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-rw-rw-"));

        FileOps.writeAtomically(env, "PORT=3333\n".getBytes(StandardCharsets.UTF_8), "rw-r-----", 0, 65534);

        assertThat(Files.readString(env)).isEqualTo("PORT=3333\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-r-----");
        assertThat(Files.getAttribute(env, "unix:gid")).isEqualTo(65534);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("site.env");
    }

    @Test
    void swapsASymlinkInPlace() throws Exception {
        Files.createDirectories(dir.resolve("releases/a"));
        Files.createDirectories(dir.resolve("releases/b"));
        Path current = dir.resolve("current");

        FileOps.swapSymlink(current, Path.of("releases/a"));
        assertThat(Files.readSymbolicLink(current)).isEqualTo(Path.of("releases/a"));
        FileOps.swapSymlink(current, Path.of("releases/b"));

        assertThat(Files.readSymbolicLink(current)).isEqualTo(Path.of("releases/b"));
        assertThat(current.toRealPath()).isEqualTo(dir.resolve("releases/b").toRealPath());
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("releases", "current");
    }

    @Test
    void readsTheLastLinesOfAFile() throws Exception {
        Path log = dir.resolve("app.log");
        Files.write(log, IntStream.rangeClosed(1, 50_000).mapToObj(i -> "line " + i).collect(Collectors.toList()));

        assertThat(FileOps.lastLines(log, 3)).containsExactly("line 49998", "line 49999", "line 50000");
        assertThat(FileOps.lastLines(dir.resolve("missing.log"), 3)).isEmpty();
        Files.writeString(log, "only\n");
        assertThat(FileOps.lastLines(log, 3)).containsExactly("only");
    }

    @Test
    void copiesATreeWithModesSymlinksAndExcludes() throws Exception {
        Path from = Files.createDirectories(dir.resolve("template"));
        Files.createDirectories(from.resolve("src/node_modules/x"));
        Files.createDirectories(from.resolve("node_modules/y"));
        Files.createDirectories(from.resolve(".git"));
        Files.createDirectories(from.resolve("dist"));
        Files.createDirectories(from.resolve("src/dist"));
        Files.writeString(from.resolve("dist/index.html"), "built");
        Files.writeString(from.resolve("src/dist/keep.txt"), "kept: only the top dist is a build output");
        Files.writeString(from.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(from.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setPosixFilePermissions(from.resolve("src"), PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(from.resolve("link"), Path.of("run.sh"));
        Path to = dir.resolve("releases/r1");
        Files.createDirectories(to.getParent());

        FileTrees.copy(from, to, FileTrees.excluding(java.util.Set.of("node_modules", ".git"), java.util.Set.of("dist")));

        try (var walk = Files.walk(to)) {
            assertThat(walk.map(p -> to.relativize(p).toString()).sorted().toList())
                    .containsExactly("", "link", "run.sh", "src", "src/dist", "src/dist/keep.txt");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve("run.sh")))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(to.resolve("src")))).isEqualTo("rwx------");
        assertThat(Files.isSymbolicLink(to.resolve("link"))).isTrue();
        assertThat(Files.readSymbolicLink(to.resolve("link"))).isEqualTo(Path.of("run.sh"));
    }

    @Test
    void deletesATreeWithoutFollowingSymlinks() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep me");
        Path tree = Files.createDirectories(dir.resolve("release/a/b"));
        Files.writeString(tree.resolve("f"), "x");
        Files.createSymbolicLink(tree.resolve("escape"), outside);
        Files.createSymbolicLink(dir.resolve("release/dirlink"), dir);

        FileTrees.delete(dir.resolve("release"));
        FileTrees.delete(dir.resolve("release"));

        assertThat(dir.resolve("release")).doesNotExist();
        assertThat(outside).hasContent("keep me");
    }

    @Test
    void chownsATreeIncludingSymlinksThemselves() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("r/sub"));
        Files.writeString(tree.resolve("f"), "x");
        Path outside = Files.writeString(dir.resolve("outside"), "x");
        Files.createSymbolicLink(tree.resolve("l"), outside);

        FileTrees.chown(dir.resolve("r"), 65534, 65533);

        for (Path p : List.of(dir.resolve("r"), tree, tree.resolve("f"), tree.resolve("l"))) {
            assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as(p.toString()).isEqualTo(65534);
            assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(65533);
        }
        assertThat(Files.getAttribute(outside, "unix:uid")).isEqualTo(0);
    }
}
