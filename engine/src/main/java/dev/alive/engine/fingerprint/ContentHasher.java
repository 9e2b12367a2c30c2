package dev.alive.engine.fingerprint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * SHA-256 (or HMAC-SHA256 under a key) of file contents with one digest and one read buffer per
 * thread, reused for every file the thread hashes.
 */
final class ContentHasher {

    private static final int BUFFER_BYTES = 128 * 1024;
    private static final ThreadLocal<ContentHasher> PER_THREAD = ThreadLocal.withInitial(ContentHasher::new);

    private final MessageDigest digest = Fingerprints.newSha256();
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);

    private ContentHasher() {
    }

    static ContentHasher forThisThread() {
        return PER_THREAD.get();
    }

    /** The hex SHA-256 of the file's content (the file is opened without following a symlink). */
    String sha256(Path file) throws IOException {
        digest.reset();
        read(file, digest::update);
        return Fingerprints.hex(digest.digest());
    }

    /** The hex HMAC-SHA256 under {@code key} of the file's content (opened as by {@link #sha256}). */
    String hmac(byte[] key, Path file) throws IOException {
        var mac = Fingerprints.newHmac(key);
        read(file, mac::update);
        return Fingerprints.hex(mac.doFinal());
    }

    private interface Sink {
        void update(byte[] bytes, int offset, int length);
    }

    private void read(Path file, Sink sink) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (true) {
                buffer.clear();
                var read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                sink.update(bytes, 0, read);
            }
        }
    }
}
