package dev.alive.bench;

import dev.alive.engine.fingerprint.TreeFingerprinter;
import dev.alive.engine.store.FileHashCache;
import dev.alive.state.AliveDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Scenario 3's in-process part, run in its own JVM with bin/alive's JVM options by
 * {@link FingerprintScenario}: generates a tree (log-uniform file sizes, 1% of files a hundred
 * times larger, mtimes an hour back so the racy-file rule does not defeat the cache), then times,
 * after a warm-up, alive's {@link TreeFingerprinter} with an empty and with a warm cache (in memory,
 * and the state store's SQLite cache as a deploy uses it), and {@code sha256sum} over the same
 * files. The page cache is warm for all. Prints {@code RESULT|metric|unit|v1,v2,..|note} lines.
 */
public final class FingerprintProbe {

    private static final int SHA256SUM_BATCH = 500;

    public static void main(String[] args) throws Exception {
        var root = Path.of(args[0]);
        var fileCount = Integer.parseInt(args[1]);
        var bytes = Long.parseLong(args[2]) * 1_000_000L;
        var runs = Integer.parseInt(args[3]);
        var warmups = Integer.parseInt(args[4]);
        var files = generate(root.resolve("tree"), fileCount, bytes);
        var total = 0L;
        for (var file : files) {
            total += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "INFO|%d files, %.1f MB%n", files.size(), total / 1e6);
        new FingerprintProbe(root, files, total).run(runs, warmups);
    }

    private final Path root;
    private final Path tree;
    private final List<Path> files;
    private final long bytes;
    private int databases;

    private FingerprintProbe(Path root, List<Path> files, long bytes) {
        this.root = root;
        this.tree = root.resolve("tree");
        this.files = files;
        this.bytes = bytes;
    }

    private void run(int runs, int warmups) throws Exception {
        var cold = new ArrayList<Double>();
        var warm = new ArrayList<Double>();
        var coldCpu = new ArrayList<Double>();
        var warmCpu = new ArrayList<Double>();
        var sqliteCold = new ArrayList<Double>();
        var sqliteWarm = new ArrayList<Double>();
        var sha256sum = new ArrayList<Double>();
        for (var i = 0; i < warmups + runs; i++) {
            var measured = i >= warmups;
            var cache = new MemoryCache();
            var cpu = cpuSeconds();
            var fingerprint = time(measured ? cold : null, () -> snapshot(cache));
            add(measured ? coldCpu : null, cpuSeconds() - cpu);
            cpu = cpuSeconds();
            var again = time(measured ? warm : null, () -> snapshot(cache));
            add(measured ? warmCpu : null, cpuSeconds() - cpu);
            if (!again.equals(fingerprint)) {
                throw new IllegalStateException("the re-check gave another fingerprint");
            }
            var url = "sqlite:" + root.resolve("state-" + (++databases) + ".db");
            AliveDatabase.open(url).close(); // creates the schema: a deploy's store exists already
            time(measured ? sqliteCold : null, () -> withSqliteCache(url));
            var sqliteAgain = time(measured ? sqliteWarm : null, () -> withSqliteCache(url));
            if (!sqliteAgain.equals(fingerprint)) {
                throw new IllegalStateException("the SQLite re-check gave another fingerprint");
            }
            time(measured ? sha256sum : null, this::sha256sum);
        }
        var mb = bytes / 1e6;
        print("first fingerprint, empty cache", "s", cold, "in-memory cache; " + (int) mb + " MB");
        print("first fingerprint, CPU", "s", coldCpu, "all threads of the JVM");
        print("unchanged re-check, warm cache", "s", warm, "in-memory cache: lstat per entry + lookup");
        print("unchanged re-check, CPU", "s", warmCpu, "all threads of the JVM");
        print("first fingerprint, SQLite cache", "s", sqliteCold, "as a deploy: open the store, hash, flush 1 row per file");
        print("unchanged re-check, SQLite cache", "s", sqliteWarm, "as a deploy: open the store, read the rows, lstat");
        print("sha256sum, same files", "s", sha256sum, "1 process per " + SHA256SUM_BATCH + " files, one after another");
    }

    private String snapshot(FileHashCache cache) {
        return new TreeFingerprinter(cache).snapshot(tree, List.of(), List.of()).fingerprint();
    }

    private String withSqliteCache(String url) {
        try (var db = AliveDatabase.open(url)) {
            return snapshot(db.stateStore().fileHashCache());
        }
    }

    private Object sha256sum() {
        try {
            for (var from = 0; from < files.size(); from += SHA256SUM_BATCH) {
                var command = new ArrayList<>(List.of("sha256sum", "--"));
                files.subList(from, Math.min(files.size(), from + SHA256SUM_BATCH)).forEach(f -> command.add(f.toString()));
                var process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("sha256sum exited with " + process.exitValue());
                }
            }
            return "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T time(List<Double> into, Supplier<T> work) {
        var start = System.nanoTime();
        var result = work.get();
        add(into, (System.nanoTime() - start) / 1e9);
        return result;
    }

    private static void add(List<Double> into, double value) {
        if (into != null) {
            into.add(value);
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()
                / 1e9;
    }

    private static void print(String metric, String unit, List<Double> values, String note) {
        System.out.println("RESULT|" + metric + "|" + unit + "|"
                + String.join(",", values.stream().map(v -> String.format(Locale.ROOT, "%.6f", v)).toList()) + "|" + note);
    }

    /**
     * Files of log-uniformly spread sizes (1% of them a hundred times larger), scaled to the total;
     * a tree this method made before with the same sizes is reused (its mtimes set back again).
     */
    static List<Path> generate(Path root, int count, long totalBytes) throws IOException {
        var marker = root.resolveSibling("tree-" + count + "-" + totalBytes + ".done");
        var random = new SplittableRandom(42);
        var weights = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++) {
            weights[i] = Math.exp(random.nextDouble() * Math.log(1000)) * (random.nextInt(100) == 0 ? 100 : 1);
            sum += weights[i];
        }
        var longAgo = FileTime.from(Instant.now().minusSeconds(3600));
        var files = new ArrayList<Path>(count);
        var buffer = new byte[0];
        var reuse = Files.exists(marker);
        for (var i = 0; i < count; i++) {
            var size = (int) (weights[i] / sum * totalBytes);
            if (reuse) {
                var file = root.resolve(String.format(Locale.ROOT, "d%02d/s%02d/f%d.bin", i / 1000, i / 40 % 25, i));
                Files.setLastModifiedTime(file, longAgo);
                files.add(file);
                continue;
            }
            if (buffer.length < size) {
                buffer = new byte[size];
            }
            random.nextBytes(buffer);
            var dir = root.resolve(String.format(Locale.ROOT, "d%02d/s%02d", i / 1000, i / 40 % 25));
            Files.createDirectories(dir);
            var file = dir.resolve("f" + i + ".bin");
            Files.write(file, Arrays.copyOf(buffer, size));
            Files.setLastModifiedTime(file, longAgo);
            files.add(file);
        }
        Files.writeString(marker, "");
        return files;
    }

    /** The engine's cache contract over a map, as the engine's in-memory store keeps it. */
    private static final class MemoryCache implements FileHashCache {
        private final Map<String, Map.Entry<Key, String>> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<String> get(Key key) {
            var entry = entries.get(key.path());
            return entry != null && entry.getKey().equals(key) ? Optional.of(entry.getValue()) : Optional.empty();
        }

        @Override
        public void put(Key key, String sha256) {
            entries.put(key.path(), Map.entry(key, sha256));
        }

        @Override
        public void flush() {
        }
    }
}
