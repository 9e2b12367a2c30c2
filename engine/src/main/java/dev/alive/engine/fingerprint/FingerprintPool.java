package dev.alive.engine.fingerprint;

import java.util.concurrent.ForkJoinPool;

/** The small pool, shared by all fingerprinters of the JVM, that walks and hashes trees. */
final class FingerprintPool {

    private static final int MAX_THREADS = 4;
    private static final ForkJoinPool SHARED = new ForkJoinPool(
            Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())),
            pool -> {
                var thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("alive-fingerprint-" + thread.getPoolIndex());
                thread.setDaemon(true);
                return thread;
            },
            null,
            false);

    private FingerprintPool() {
    }

    static ForkJoinPool shared() {
        return SHARED;
    }
}
