package dev.alive.tasks.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Polls {@code GET http://127.0.0.1:<port><path>} until it answers 2xx or 3xx (redirects are not
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

    private final Duration requestTimeout;
    private final Duration interval;

    /** 2 s per request, 250 ms between attempts. */
    public HealthCheck() {
        this(Duration.ofSeconds(2), Duration.ofMillis(250));
    }

    public HealthCheck(Duration requestTimeout, Duration interval) {
        this.requestTimeout = requestTimeout;
        this.interval = interval;
    }

    /** @param path must start with '/' */
    public Result check(int port, String path, Duration timeout, Consumer<Attempt> progress) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("health path must start with '/': " + path);
        }
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (int number = 1; ; number++) {
            Attempt attempt = request(uri, number, requestTimeout, start);
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

    private Attempt request(URI uri, int number, Duration limit, long start) {
        Optional<Integer> status = Optional.empty();
        Optional<String> error = Optional.empty();
        try {
            status = Optional.of(LocalHttp.get(uri, limit, false).status());
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
