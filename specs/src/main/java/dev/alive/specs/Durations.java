package dev.alive.specs;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or sums like {@code 1m30s}. */
public final class Durations {

    private static final Pattern WHOLE = Pattern.compile("([0-9]{1,6}(ms|s|m|h))+");
    private static final Pattern PART = Pattern.compile("([0-9]{1,6})(ms|s|m|h)");

    private Durations() {
    }

    /** The duration {@code text} writes, or empty when it is not one. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return Optional.of(total);
    }

    /** Short form for messages and defaults: 30s, 2m, 1m30s. */
    public static String format(Duration duration) {
        if (duration.toMillisPart() != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        StringBuilder out = new StringBuilder();
        if (seconds >= 3600) {
            out.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            out.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0 || out.length() == 0) {
            out.append(seconds % 60).append('s');
        }
        return out.toString();
    }
}
