package dev.alive.tasks.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls {@code GET <path>} on a port of the machine ({@link SiteHttp}) until it answers 2xx or 3xx (redirects are not
 * followed) or the overall timeout passes, reporting each attempt to a progress callback. No
 * attempt starts after the overall timeout; each has the full request timeout, so a check can
 * last up to one request timeout longer than the overall one.
 */
public final class HealthCheck {

    /** One request: its status, or why there was none. */
    public record Attempt(int number, Optional<Integer> status, Optional<String> error, Duration elapsed) {
        public boolean healthy() {
            return status.map(s -> s >= 200 && s < 400).orElse(false);
        }

        public String describe() {
            return status.map(s -> "HTTP " + s).orElseGet(() -> error.orElse("no answer"));
        }
    }

    /** The outcome; {@code last} is the final attempt, healthy or not. */
    public record Result(boolean healthy, int attempts, Attempt last, Duration took) {
    }

    private final SiteHttp http;
    private final Duration requestTimeout;
    private final Duration interval;

    /** 2 s per request, 250 ms between attempts. */
    public HealthCheck(SiteHttp http) {
        this(http, Duration.ofSeconds(2), Duration.ofMillis(250));
    }

    public HealthCheck(SiteHttp http, Duration requestTimeout, Duration interval) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.interval = interval;
    }

    /** Where the checks go, for messages: {@code 127.0.0.1:<port>} on this machine. */
    public String authority(int port) {
        return http.authority(port);
    }

    /** @param path must start with '/' */
    public Result check(int port, String path, Duration timeout, Consumer<Attempt> progress) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("health path must start with '/': " + path);
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (int number = 1; ; number++) {
            Attempt attempt = request(port, path, number, requestTimeout, start);
            progress.accept(attempt);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (attempt.healthy()) {
                return new Result(true, number, attempt, took);
            }
            if (System.nanoTime() + interval.toNanos() >= deadline) {
                return new Result(false, number, attempt, took);
            }
            sleep(interval);
        }
    }

    private Attempt request(int port, String path, int number, Duration limit, long start) {
        Optional<Integer> status = Optional.empty();
        Optional<String> error = Optional.empty();
        try {
            status = Optional.of(http.status(port, path, limit));
        } catch (ConnectException e) {
            error = Optional.of("connection refused");
        } catch (SocketTimeoutException e) {
            error = Optional.of("no answer within " + limit.toMillis() + " ms");
        } catch (IOException e) {
            error = Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return new Attempt(number, status, error, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a health check", e);
        }
    }
}
