package dev.alive.tasks.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A log file a process appends to (a {@link ProcessService}'s): its last lines, then what is
 * appended after them, as it comes. A file that is replaced (rotated: a new inode) or shrinks is
 * read again from its start; one that does not exist yet is waited for. Lines are UTF-8, split at
 * {@code \n} (a {@code \r} before it is dropped).
 */
public final class LogFile {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final Duration pollInterval;

    public LogFile(Path file, Duration pollInterval) {
        this.file = file;
        this.pollInterval = pollInterval;
    }

    public Path path() {
        return file;
    }

    /** Where {@link #last} stopped: the byte after the last whole line, in the file with this key. */
    public record Position(Object fileKey, long offset) {
        static final Position START = new Position(null, 0);
    }

    /**
     * Passes the last {@code lines} whole lines (all of them when empty) to {@code sink}, oldest
     * first, until it returns false; a last line without its newline yet is passed too unless
     * {@code wholeOnly}. Returns where a follow goes on from (after the whole lines).
     */
    public Position last(OptionalInt lines, boolean wholeOnly, Predicate<String> sink) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            long size = in.size();
            byte[] tail = tailBytes(in, size, lines);
            int wholeEnd = lastNewline(tail) + 1;
            var text = new String(tail, 0, wholeEnd, StandardCharsets.UTF_8);
            var kept = splitLines(text);
            if (lines.isPresent() && kept.size() > lines.getAsInt()) {
                kept = kept.subList(kept.size() - lines.getAsInt(), kept.size());
            }
            if (!wholeOnly && wholeEnd < tail.length) {
                kept = new ArrayList<>(kept);
                kept.add(stripReturn(new String(tail, wholeEnd, tail.length - wholeEnd, StandardCharsets.UTF_8)));
                if (lines.isPresent() && kept.size() > lines.getAsInt()) {
                    kept = kept.subList(1, kept.size());
                }
            }
            for (var line : kept) {
                if (!sink.test(line)) {
                    break;
                }
            }
            return new Position(key, size - (tail.length - wholeEnd));
        } catch (NoSuchFileException e) {
            return Position.START;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Passes each line appended after {@code from} to {@code sink} as it is written, until the
     * sink returns false or the thread is interrupted; polls every {@code pollInterval}.
     */
    public void follow(Position from, Predicate<String> sink) {
        Object key = from.fileKey();
        long offset = from.offset();
        var partial = new ByteArrayOutputStream();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!Objects.equals(attributes.fileKey(), key) || attributes.size() < offset) {
                    key = attributes.fileKey();
                    offset = 0;
                    partial.reset();
                }
                if (attributes.size() > offset) {
                    offset += readFrom(offset, partial);
                    if (!passWholeLines(partial, sink)) {
                        return;
                    }
                    continue;
                }
            } catch (NoSuchFileException e) {
                key = null;
                offset = 0;
                partial.reset();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long readFrom(long offset, ByteArrayOutputStream into) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            var buffer = ByteBuffer.allocate(CHUNK);
            long read = 0;
            int n;
            while ((n = in.read(buffer, offset + read)) > 0) {
                into.write(buffer.array(), 0, n);
                read += n;
                buffer.clear();
            }
            return read;
        }
    }

    /** Passes the whole lines in {@code partial} and keeps what follows the last newline. */
    private static boolean passWholeLines(ByteArrayOutputStream partial, Predicate<String> sink) {
        byte[] bytes = partial.toByteArray();
        int wholeEnd = lastNewline(bytes) + 1;
        if (wholeEnd == 0) {
            return true;
        }
        partial.reset();
        partial.write(bytes, wholeEnd, bytes.length - wholeEnd);
        for (var line : splitLines(new String(bytes, 0, wholeEnd, StandardCharsets.UTF_8))) {
            if (!sink.test(line)) {
                return false;
            }
        }
        return true;
    }

    /** Enough of the file's end to hold its last {@code lines} whole lines (the whole file when empty). */
    private static byte[] tailBytes(FileChannel in, long size, OptionalInt lines) throws IOException {
        long from = size;
        var chunks = new ArrayList<byte[]>();
        int newlines = 0;
        int needed = lines.isPresent() ? lines.getAsInt() + 1 : Integer.MAX_VALUE;
        while (from > 0 && newlines < needed) {
            int length = (int) Math.min(CHUNK, from);
            from -= length;
            var buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && in.read(buffer, from + buffer.position()) > 0) {
                // until the chunk is in
            }
            for (byte b : buffer.array()) {
                if (b == '\n') {
                    newlines++;
                }
            }
            chunks.add(0, buffer.array());
        }
        var out = new ByteArrayOutputStream();
        for (var chunk : chunks) {
            out.write(chunk, 0, chunk.length);
        }
        byte[] bytes = out.toByteArray();
        if (from > 0) {
            // the first line may be cut: start after its newline
            int firstNewline = 0;
            while (firstNewline < bytes.length && bytes[firstNewline] != '\n') {
                firstNewline++;
            }
            return Arrays.copyOfRange(bytes, Math.min(bytes.length, firstNewline + 1), bytes.length);
        }
        return bytes;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The lines of text that ends with a newline (or is empty). */
    private static List<String> splitLines(String text) {
        var lines = new ArrayList<String>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            lines.add(stripReturn(text.substring(start, end)));
            start = end + 1;
        }
        return lines;
    }

    private static String stripReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
