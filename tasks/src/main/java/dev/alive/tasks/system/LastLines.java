package dev.alive.tasks.system;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@code capacity} lines seen, thread-safe. */
final class LastLines {
    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    LastLines(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
