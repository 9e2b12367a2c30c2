package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("app.log");
    }

    private LogFile log() {
        return new LogFile(file(), Duration.ofMillis(20));
    }

    @Test
    void passesTheLastLinesOldestFirst() throws IOException {
        Files.writeString(file(), "one\ntwo\r\nthree\nfour\n");
        var lines = new ArrayList<String>();

        log().last(OptionalInt.of(3), false, lines::add);

        assertThat(lines).containsExactly("two", "three", "four");
    }

    @Test
    void findsTheLastLinesOfAFileLargerThanItsReadChunks() throws IOException {
        var all = IntStream.rangeClosed(1, 30_000).mapToObj(i -> "line " + i + " " + "x".repeat(i % 50)).toList();
        Files.write(file(), all);
        var lines = new ArrayList<String>();

        log().last(OptionalInt.of(5_000), false, lines::add);

        assertThat(lines).containsExactlyElementsOf(all.subList(25_000, 30_000));
        var every = new ArrayList<String>();
        log().last(OptionalInt.empty(), false, every::add);
        assertThat(every).containsExactlyElementsOf(all);
    }

    @Test
    void keepsALineWithoutItsNewlineForTheFollowOnly() throws IOException {
        Files.writeString(file(), "one\ntwo\nhalf a li");
        var shown = new ArrayList<String>();
        var followed = new ArrayList<String>();

        log().last(OptionalInt.of(2), false, shown::add);
        var position = log().last(OptionalInt.of(2), true, followed::add);

        assertThat(shown).containsExactly("two", "half a li");
        assertThat(followed).containsExactly("one", "two");
        assertThat(position.offset()).isEqualTo("one\ntwo\n".length());
    }

    @Test
    void passesNothingForAFileThatDoesNotExist() {
        var lines = new ArrayList<String>();

        var position = log().last(OptionalInt.of(10), true, lines::add);

        assertThat(lines).isEmpty();
        assertThat(position.offset()).isZero();
    }

    @Test
    void stopsWhenTheSinkSaysSo() throws IOException {
        Files.writeString(file(), "a\nb\nc\n");
        var lines = new ArrayList<String>();

        log().last(OptionalInt.empty(), false, line -> lines.add(line) && lines.size() < 2);

        assertThat(lines).containsExactly("a", "b");
    }

    @Test
    void followsAppendedLinesAcrossARotationUntilTheSinkStops() throws Exception {
        Files.writeString(file(), "old\n");
        var seen = new CopyOnWriteArrayList<String>();
        var position = log().last(OptionalInt.of(10), true, seen::add);
        var follower = new Thread(() -> log().follow(position, line -> seen.add(line) && !line.equals("stop")));
        follower.start();

        append("first\nsecond half");
        awaitSize(seen, 2);
        append(" done\n");
        awaitSize(seen, 3);
        Files.move(file(), dir.resolve("app.log.1"));
        Files.writeString(file(), "after rotation\nstop\nnot read\n");
        follower.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(follower.isAlive()).as("follow ended when the sink said stop").isFalse();
        assertThat(seen).containsExactly("old", "first", "second half done", "after rotation", "stop");
    }

    @Test
    void endsAFollowWhenItsThreadIsInterrupted() throws Exception {
        var follower = new Thread(() -> log().follow(LogFile.Position.START, line -> true));
        follower.start();
        Thread.sleep(100);

        follower.interrupt();
        follower.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(follower.isAlive()).isFalse();
    }

    private void append(String text) throws IOException {
        Files.writeString(file(), text, StandardOpenOption.APPEND);
    }

    private static void awaitSize(List<String> lines, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lines.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(size);
    }
}
