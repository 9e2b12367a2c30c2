package dev.alive.engine.task;

import java.util.Objects;

/**
 * Stable identity of a task: the unit it belongs to (a site's domain, the commit and lock scope)
 * and its name within that unit. Written {@code unit/name}, e.g. {@code hello.alive.test/build}.
 */
public record TaskId(String unit, String name) implements Comparable<TaskId> {
    public TaskId {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(name, "name");
        if (!isPart(unit)) {
            throw new IllegalArgumentException("invalid task unit '" + unit + "'");
        }
        if (!isPart(name)) {
            throw new IllegalArgumentException("invalid task name '" + name + "'");
        }
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._:@-]*}, checked by hand: ids are made by the thousand. */
    private static boolean isPart(String text) {
        if (text.isEmpty() || !isLetterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '@' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    public static TaskId of(String unit, String name) {
        return new TaskId(unit, name);
    }

    /** Parses {@code unit/name}. */
    public static TaskId parse(String text) {
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("task id must look like unit/name: '" + text + "'");
        }
        return new TaskId(text.substring(0, slash), text.substring(slash + 1));
    }

    /**
     * The order of the written forms ({@code unit/name}), without writing them (graphs sort
     * thousands): they first differ within the units, or where one unit ends and its '/' meets the
     * other's next character, or, in one unit, within the names.
     */
    @Override
    public int compareTo(TaskId other) {
        int byUnit = unit.compareTo(other.unit);
        if (byUnit == 0) {
            return name.compareTo(other.name);
        }
        if (unit.length() < other.unit.length() && other.unit.startsWith(unit)) {
            return '/' - other.unit.charAt(unit.length());
        }
        if (other.unit.length() < unit.length() && unit.startsWith(other.unit)) {
            return unit.charAt(other.unit.length()) - '/';
        }
        return byUnit;
    }

    @Override
    public String toString() {
        return unit + "/" + name;
    }
}
