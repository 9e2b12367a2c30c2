package dev.alive.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort by start time and are safe as directory names: {@code 20250102T030405Z-1a2b3c4d}. */
final class RunIds {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next(Clock clock) {
        var suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
