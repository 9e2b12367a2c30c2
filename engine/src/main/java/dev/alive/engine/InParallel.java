package dev.alive.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Maps a list on a few short-lived daemon threads, keeping its order; the first failure is thrown. */
final class InParallel {

    private InParallel() {
    }

    static <T, R> List<R> map(List<T> items, int threads, String threadName, Function<T, R> work) {
        if (items.size() < 2 || threads < 2) {
            return items.stream().map(work).toList();
        }
        var count = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), runnable -> {
            var thread = new Thread(runnable, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            var futures = items.stream().map(item -> CompletableFuture.supplyAsync(() -> work.apply(item), pool)).toList();
            var results = new ArrayList<R>(items.size());
            RuntimeException failure = null;
            for (var future : futures) {
                try {
                    results.add(future.join());
                } catch (CompletionException e) {
                    var cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                    if (failure == null) {
                        failure = cause;
                    } else if (failure != cause) {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
