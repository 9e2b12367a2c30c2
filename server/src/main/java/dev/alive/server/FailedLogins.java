package dev.alive.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/** Failed logins per source address in a sliding window; a source past the limit is refused until the window slides. */
final class FailedLogins {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    FailedLogins(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether the source has used up its failures (it is refused without its credentials being checked). */
    boolean blocked(String source) {
        var times = failures.get(source);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= limit;
        }
    }

    void failed(String source) {
        var times = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.millis());
        }
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    prune(entry.getValue());
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    /** Seconds until the source's oldest failure leaves the window. */
    long retryAfterSeconds(String source) {
        var times = failures.get(source);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            return times.isEmpty() ? 0 : Math.max(1, (times.peekFirst() + window.toMillis() - clock.millis() + 999) / 1000);
        }
    }

    private void prune(Deque<Long> times) {
        long oldest = clock.millis() - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() <= oldest) {
            times.removeFirst();
        }
    }
}
