package dev.alive.engine.fingerprint;

import dev.alive.engine.store.FileHashCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory hash cache that counts what the fingerprinter asks of it. */
public final class CountingFileHashCache implements FileHashCache {

    public final Map<Key, String> hashes = new ConcurrentHashMap<>();
    public final AtomicInteger gets = new AtomicInteger();
    public final AtomicInteger hits = new AtomicInteger();
    public final AtomicInteger puts = new AtomicInteger();
    public final AtomicInteger flushes = new AtomicInteger();

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

    public void resetCounts() {
        gets.set(0);
        hits.set(0);
        puts.set(0);
        flushes.set(0);
    }
}
