package dev.alive.specs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The text of a spec or host file: a regular, readable file of at most 1 MB of UTF-8, checked before parsing. */
final class SpecText {

    static final int MAX_BYTES = 1024 * 1024;

    private SpecText() {
    }

    /** The file's text (without a byte order mark); empty, with a problem added, when it cannot be used. */
    static Optional<String> read(Path file, Problems problems) {
        return bytes(file, problems).flatMap(bytes -> decode(bytes, problems));
    }

    private static Optional<byte[]> bytes(Path file, Problems problems) {
        if (!Files.exists(file)) {
            problems.inFile("no such file; check the path");
        } else if (Files.isDirectory(file)) {
            problems.inFile("is a folder; expected a YAML file");
        } else if (!Files.isRegularFile(file)) {
            problems.inFile("is not a regular file; expected a YAML file");
        } else if (!Files.isReadable(file)) {
            problems.inFile("is not readable by this user; check its permissions");
        } else {
            try {
                long size = Files.size(file);
                if (size > MAX_BYTES) {
                    problems.inFile(tooBig(size));
                    return Optional.empty();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                    if (bytes.length > MAX_BYTES) {
                        problems.inFile(tooBig(bytes.length));
                        return Optional.empty();
                    }
                    return Optional.of(bytes);
                }
            } catch (IOException e) {
                problems.inFile("could not be read: " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String tooBig(long size) {
        String shown = size > MAX_BYTES * 2L
                ? String.format(Locale.ROOT, "%.1f MB", size / (double) MAX_BYTES)
                : size + " bytes";
        return "file is " + shown + "; spec and host files are limited to 1 MB (" + MAX_BYTES
                + " bytes); is this the right file?";
    }

    private static Optional<String> decode(byte[] bytes, Problems problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.at(line, offset - lineStart + 1, String.format(Locale.ROOT,
                    "file is not UTF-8 text (byte 0x%02x); save it as UTF-8", bytes[offset] & 0xff));
            return Optional.empty();
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("UTF-8 decoder misuse", e);
        }
        out.flip();
        return Optional.of(out.toString());
    }
}
