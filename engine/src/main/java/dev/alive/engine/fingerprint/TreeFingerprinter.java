package dev.alive.engine.fingerprint;

import dev.alive.engine.FileHashCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Fingerprints file trees: sorted relative paths, file type and mode, content hash; symlinks by
 * target. NOTE: first, plain version (no cache, no patterns); to be replaced by the real one.
 */
public final class TreeFingerprinter {

    private final FileHashCache cache;

    public TreeFingerprinter(FileHashCache cache) {
        this.cache = cache;
    }

    /** Snapshots the tree below {@code root} (a missing root is an empty tree). */
    public TreeSnapshot snapshot(Path root, List<String> includes, List<String> excludes) {
        var entries = new TreeMap<String, String>();
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            try (var paths = Files.walk(root)) {
                for (var path : (Iterable<Path>) paths::iterator) {
                    if (!path.equals(root) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        entries.put(root.relativize(path).toString(), sha256(Files.readAllBytes(path)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        var all = new StringBuilder();
        entries.forEach((p, d) -> all.append(p).append('\0').append(d).append('\n'));
        return new TreeSnapshot(sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), entries);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
