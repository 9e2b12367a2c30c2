package dev.alive.state;

import dev.alive.engine.store.FileHashCache;
import dev.alive.engine.task.TaskId;
import java.nio.file.Files;
import java.util.HexFormat;

/**
 * Numbers for the closing note, not a test: run it in a fresh JVM with the test classpath,
 * {@code java -cp ... dev.alive.state.StateBenchmark [postgresql-url]}.
 * <ol>
 *   <li>{@code AliveDatabase.open} + one {@code committed()} on an up-to-date SQLite file (first thing
 *       this JVM does, so class loading is included, as in a real start)</li>
 *   <li>flushing 20,000 file hashes in one batch, and reading them back through a new cache</li>
 * </ol>
 */
public final class StateBenchmark {
    private static final int FILES = 20_000;

    public static void main(String[] args) throws Exception {
        var dir = Files.createTempDirectory("alive-bench");
        String sqlite = "sqlite:" + dir.resolve("state.db");
        if (args.length > 1 && args[1].equals("--prepared")) {
            sqlite = "sqlite:" + args[0];
        } else {
            AliveDatabase.open(sqlite).close();
        }
        long start = System.nanoTime();
        try (var db = AliveDatabase.open(sqlite)) {
            db.stateStore().committed(TaskId.of("hello.alive.test", "build"));
            System.out.printf("open + committed() on an up-to-date SQLite file: %.0f ms%n", (System.nanoTime() - start) / 1e6);
        }
        for (int round = 0; round < 3; round++) {
            start = System.nanoTime();
            try (var db = AliveDatabase.open(sqlite)) {
                db.stateStore().committed(TaskId.of("hello.alive.test", "build"));
                System.out.printf("  again, classes loaded: %.1f ms%n", (System.nanoTime() - start) / 1e6);
            }
        }
        for (int round = 0; round < 3; round++) {
            hashes(sqlite);
            if (args.length > 0 && args[0].startsWith("postgres")) {
                hashes(args[0]);
            }
        }
    }

    private static void hashes(String url) {
        try (var db = AliveDatabase.open(url)) {
            String root = "/bench/" + System.nanoTime();
            var cache = db.stateStore().fileHashCache();
            for (int i = 0; i < FILES; i++) {
                cache.put(key(root, i), HexFormat.of().formatHex(new byte[32]).replace('0', Character.forDigit(i % 16, 16)));
            }
            var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long startCpu = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            cache.flush();
            long flushed = System.nanoTime();
            long flushedCpu = cpu.getCurrentThreadCpuTime();
            var fresh = db.stateStore().fileHashCache();
            int hits = 0;
            for (int i = 0; i < FILES; i++) {
                hits += fresh.get(key(root, i)).isPresent() ? 1 : 0;
            }
            long read = System.nanoTime();
            long readCpu = cpu.getCurrentThreadCpuTime();
            System.out.printf("%s: flush of %d file hashes %.0f ms (cpu %.0f); lookup of all through a new cache %.0f ms "
                            + "(cpu %.0f, %d hits)%n", url.startsWith("sqlite") ? "SQLite" : "PostgreSQL", FILES,
                    (flushed - start) / 1e6, (flushedCpu - startCpu) / 1e6, (read - flushed) / 1e6, (readCpu - flushedCpu) / 1e6, hits);
        }
    }

    private static FileHashCache.Key key(String root, int i) {
        return new FileHashCache.Key(root + "/src/dir" + (i % 200) + "/file" + i + ".ts", i, 1_700_000_000_000_000_000L + i, i, 1L + i);
    }
}
