package dev.alive.engine.fingerprint;

import dev.alive.engine.FileHashCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory hash cache that counts what the fingerprinter asks of it. */
final class CountingFileHashCache implements FileHashCache {

    final Map<Key, String> hashes = new ConcurrentHashMap<>();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger flushes = new AtomicInteger();

    @Override
    public Optional<String> get(Key key) {
        gets.incrementAndGet();
        var hash = Optional.ofNullable(hashes.get(key));
        hash.ifPresent(h -> hits.incrementAndGet());
        return hash;
    }

    @Override
    public void put(Key key, String sha256) {
        puts.incrementAndGet();
        hashes.put(key, sha256);
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    void resetCounts() {
        gets.set(0);
        hits.set(0);
        puts.set(0);
        flushes.set(0);
    }
}
