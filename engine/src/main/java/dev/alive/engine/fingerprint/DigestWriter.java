package dev.alive.engine.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Feeds text to a SHA-256 digest through one reusable buffer: a tree's fingerprint digests a line
 * per entry, and twenty thousand small {@code update} calls (and as many byte arrays) cost several
 * times the hashing itself. The bytes are exactly those of the UTF-8 text written.
 */
final class DigestWriter {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final MessageDigest digest = Fingerprints.newSha256();
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int size;

    DigestWriter text(String text) {
        var length = text.length();
        if (length > buffer.length - size) {
            drain();
        }
        if (length > buffer.length) {
            return bytes(text.getBytes(StandardCharsets.UTF_8));
        }
        var at = size;
        for (var i = 0; i < length; i++) {
            var c = text.charAt(i);
            if (c >= 0x80) { // not ASCII: as String.getBytes writes it
                return bytes(text.getBytes(StandardCharsets.UTF_8));
            }
            buffer[at++] = (byte) c;
        }
        size = at;
        return this;
    }

    DigestWriter put(char asciiCharacter) {
        if (size == buffer.length) {
            drain();
        }
        buffer[size++] = (byte) asciiCharacter;
        return this;
    }

    /** The digest of everything written, in hex; the writer is then empty again. */
    String hexDigest() {
        drain();
        return Fingerprints.hex(digest.digest());
    }

    private DigestWriter bytes(byte[] bytes) {
        drain();
        digest.update(bytes);
        return this;
    }

    private void drain() {
        if (size > 0) {
            digest.update(buffer, 0, size);
            size = 0;
        }
    }
}
