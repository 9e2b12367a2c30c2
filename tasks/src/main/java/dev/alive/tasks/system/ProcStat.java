package dev.alive.tasks.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A process as {@code /proc/<pid>/stat} shows it. {@code startTime} (clock ticks after boot) with
 * the pid identifies a process for good: a recycled pid has another start time.
 */
public record ProcStat(long pid, char state, long processGroup, long session, long startTime) {

    /** The process, or empty when there is none with that pid. */
    public static Optional<ProcStat> read(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        // the command name (field 2) is in parentheses and may contain anything, ')' included
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        return Optional.of(new ProcStat(pid, fields[0].charAt(0), Long.parseLong(fields[2]),
                Long.parseLong(fields[3]), Long.parseLong(fields[19])));
    }

    /** Running or sleeping: neither a zombie nor dead. */
    public boolean isLive() {
        return state != 'Z' && state != 'X' && state != 'x';
    }

    /** Whether a live process with this pid exists now. */
    public static boolean isLive(long pid) {
        return read(pid).map(ProcStat::isLive).orElse(false);
    }

    /** The live processes whose process group is {@code processGroup}. */
    public static List<ProcStat> liveInGroup(long processGroup) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(name -> read(Long.parseLong(name)))
                    .flatMap(Optional::stream)
                    .filter(stat -> stat.processGroup() == processGroup && stat.isLive())
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list /proc", e);
        }
    }
}
