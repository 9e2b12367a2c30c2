package dev.alive.engine.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/** Writes small real trees for tests: {@code tree.file("a/b.txt", "x").dir("empty")}. */
final class TreeFixture {

    final Path root;

    TreeFixture(Path root) {
        this.root = root;
    }

    TreeFixture file(String relativePath, String content) {
        try {
            var path = root.resolve(relativePath);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TreeFixture dir(String relativePath) {
        try {
            Files.createDirectories(root.resolve(relativePath));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TreeFixture symlink(String relativePath, String target) {
        try {
            var path = root.resolve(relativePath);
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TreeFixture mode(String relativePath, String permissions) {
        try {
            Files.setPosixFilePermissions(root.resolve(relativePath), PosixFilePermissions.fromString(permissions));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TreeFixture modifiedAt(String relativePath, Instant mtime) {
        try {
            Files.setLastModifiedTime(root.resolve(relativePath), FileTime.from(mtime));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String relativePath) {
        return root.resolve(relativePath);
    }
}
