package dev.alive.engine.fingerprint;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Not a test: a plain benchmark of tree fingerprinting against {@code sha256sum}.
 *
 * <pre>
 * mvn -B -q -ntp -o -pl engine test-compile
 * java -cp engine/target/classes:engine/target/test-classes \
 *     dev.alive.engine.fingerprint.TreeFingerprintBenchmark [files=20000] [megabytes=200] [dir]
 * </pre>
 *
 * Generates the files (mixed sizes, mtimes set an hour back so the racy rule does not defeat the
 * cache) in {@code dir} or a temporary directory (deleted afterwards), then measures, 3 times each
 * with the median reported: the first fingerprint with an empty hash cache (with the shared pool
 * and with one thread), the unchanged re-check with a warm cache, and {@code sha256sum} over the
 * same files, given as argument lists in batches. The page cache is warm for all of them. Wall
 * time and CPU time are both shown (the CPU of this JVM, or of the sha256sum processes), as CPU
 * time is less disturbed by other work on a shared machine.
 */
public final class TreeFingerprintBenchmark {

    private static final int RUNS = 3;
    private static final int SHA256SUM_BATCH = 500;

    public static void main(String[] args) throws Exception {
        var fileCount = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        var megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        var keep = args.length > 2;
        var root = keep ? Path.of(args[2]) : Files.createTempDirectory("alive-fp-bench");
        try {
            var files = generate(root, fileCount, megabytes * 1_000_000L);
            var bytes = totalBytes(files);
            System.out.printf("%d files, %.1f MB in %s; %d cores; pool of %d threads; load average %s%n", files.size(),
                    bytes / 1e6, root, Runtime.getRuntime().availableProcessors(),
                    FingerprintPool.shared().getParallelism(), Files.readString(Path.of("/proc/loadavg")).trim());
            new TreeFingerprintBenchmark(root, files, bytes).run();
            System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            if (!keep) {
                deleteTree(root);
            }
        }
    }

    private final Path root;
    private final List<Path> files;
    private final long bytes;

    private TreeFingerprintBenchmark(Path root, List<Path> files, long bytes) {
        this.root = root;
        this.files = files;
        this.bytes = bytes;
    }

    private void run() throws Exception {
        var single = new ForkJoinPool(1);
        var warmCache = new CountingFileHashCache();
        var fingerprint = new String[1];
        var cold = measure(() -> {
            var cache = new CountingFileHashCache();
            fingerprint[0] = snapshot(cache, FingerprintPool.shared());
            warmCache.hashes.putAll(cache.hashes);
        }, false);
        var coldSingle = measure(() -> snapshot(new CountingFileHashCache(), single), false);
        warmCache.resetCounts();
        var warm = measure(() -> check(fingerprint[0], snapshot(warmCache, FingerprintPool.shared())), false);
        var sha256sum = measure(this::sha256sum, true);
        single.shutdown();

        System.out.printf("cache hits in the re-checks: %d of %d files x %d runs%n", warmCache.hits.get(), files.size(), RUNS);
        System.out.printf("%-44s %9s %-20s %7s %9s %-20s%n", "measurement", "wall ms", "(runs)", "MB/s", "CPU ms",
                "(runs)");
        row("first fingerprint, empty cache", cold);
        row("first fingerprint, empty cache, 1 thread", coldSingle);
        row("unchanged re-check, warm cache", warm);
        row("sha256sum (1 process per " + SHA256SUM_BATCH + " files)", sha256sum);
        System.out.println("medians of " + RUNS + " runs; ratios (wall / CPU):");
        ratio("throughput vs sha256sum, pool (target >= 0.5x)", sha256sum, cold);
        ratio("throughput vs sha256sum, 1 thread", sha256sum, coldSingle);
        ratio("re-check speed-up over first fingerprint, pool (target >= 20x)", cold, warm);
        ratio("re-check speed-up over first fingerprint, 1 thread", coldSingle, warm);
        ratio("re-check speed-up over sha256sum", sha256sum, warm);
        recheckSteps(warmCache);
    }

    /** The unchanged re-check step by step, as {@link TreeFingerprinter#snapshot} does it (medians of 30). */
    private void recheckSteps(CountingFileHashCache cache) {
        var pool = FingerprintPool.shared();
        var tree = root;
        var steps = new long[4][30];
        for (var run = 0; run < steps[0].length; run++) {
            var start = System.nanoTime();
            var entries = new TreeWalker(new PathFilter(List.of(), List.of()), pool).walk(tree);
            var walked = System.nanoTime();
            var digests = EntryDigests.compute(entries, new String[entries.size()], new boolean[entries.size()],
                    file -> cache.get(file.cacheKey()).orElse(null), pool);
            var digested = System.nanoTime();
            var byPath = new java.util.TreeMap<String, String>();
            for (var i = 0; i < digests.length; i++) {
                byPath.put(entries.get(i).relativePath(), digests[i]);
            }
            var sorted = System.nanoTime();
            TreeFingerprinter.treeFingerprint(byPath, pool);
            var done = System.nanoTime();
            steps[0][run] = walked - start;
            steps[1][run] = digested - walked;
            steps[2][run] = sorted - digested;
            steps[3][run] = done - sorted;
        }
        System.out.println("unchanged re-check by step, medians of " + steps[0].length + " runs:");
        var names = List.of("walk and lstat", "cache lookups and digest lines", "sorting the entries",
                "the tree's SHA-256");
        for (var i = 0; i < names.size(); i++) {
            System.out.printf("  %-44s %6.1f ms%n", names.get(i), median(steps[i]) / 1e6);
        }
    }

    private static void ratio(String name, Runs slower, Runs faster) {
        System.out.printf("  %-64s %6.2fx / %6.2fx%n", name, median(slower.wall()) / median(faster.wall()),
                median(slower.cpu()) / median(faster.cpu()));
    }

    private String snapshot(CountingFileHashCache cache, ForkJoinPool pool) {
        return new TreeFingerprinter(cache, pool, Clock.systemUTC()).snapshot(root, List.of(), List.of()).fingerprint();
    }

    private static void check(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("re-check gave another fingerprint: " + actual + " != " + expected);
        }
    }

    private void sha256sum() throws Exception {
        for (var from = 0; from < files.size(); from += SHA256SUM_BATCH) {
            var command = new ArrayList<String>(List.of("sha256sum", "--"));
            files.subList(from, Math.min(files.size(), from + SHA256SUM_BATCH)).forEach(f -> command.add(f.toString()));
            var process = new ProcessBuilder(command).redirectOutput(Redirect.DISCARD).redirectError(Redirect.INHERIT).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("sha256sum failed: exit " + process.exitValue());
            }
        }
    }

    private void row(String name, Runs runs) {
        System.out.printf("%-44s %9.0f %-20s %7.0f %9.0f %-20s%n", name, median(runs.wall()) / 1e6, list(runs.wall()),
                bytes / 1e6 / (median(runs.wall()) / 1e9), median(runs.cpu()) / 1e6, list(runs.cpu()));
    }

    private static String list(long[] nanos) {
        return "(" + String.join(" ", Arrays.stream(nanos).mapToObj(n -> String.valueOf(n / 1_000_000)).toList()) + ")";
    }

    /** Wall-clock and CPU nanoseconds of each run. */
    private record Runs(long[] wall, long[] cpu) {
    }

    private interface Measured {
        void run() throws Exception;
    }

    private static Runs measure(Measured measured, boolean cpuOfChildren) throws Exception {
        var wall = new long[RUNS];
        var cpu = new long[RUNS];
        for (var i = 0; i < RUNS; i++) {
            var cpuStart = cpuOfChildren ? childrenCpuNanos() : processCpuNanos();
            var start = System.nanoTime();
            measured.run();
            wall[i] = System.nanoTime() - start;
            cpu[i] = (cpuOfChildren ? childrenCpuNanos() : processCpuNanos()) - cpuStart;
        }
        return new Runs(wall, cpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User + system CPU of this process's reaped children, from /proc/self/stat (clock ticks of 10 ms). */
    private static long childrenCpuNanos() throws IOException {
        var stat = Files.readString(Path.of("/proc/self/stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
    }

    private static double median(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Files of log-uniformly spread sizes (1% of them a hundred times larger), scaled to the total. */
    private static List<Path> generate(Path root, int count, long totalBytes) throws IOException {
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
        for (var i = 0; i < count; i++) {
            var size = (int) (weights[i] / sum * totalBytes);
            if (buffer.length < size) {
                buffer = new byte[size];
            }
            random.nextBytes(buffer);
            var dir = root.resolve(String.format("d%02d/s%02d", i / 1000, i / 40 % 25));
            Files.createDirectories(dir);
            var file = dir.resolve("f" + i + ".bin");
            Files.write(file, Arrays.copyOf(buffer, size));
            Files.setLastModifiedTime(file, longAgo);
            files.add(file);
        }
        Files.writeString(root.resolve("README.txt"), "generated by TreeFingerprintBenchmark\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(root.resolve("README.txt"), longAgo);
        files.add(root.resolve("README.txt"));
        return files;
    }

    private static long totalBytes(List<Path> files) throws IOException {
        var total = 0L;
        for (var file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
