package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty first deploys at the same moment, each with its own database connection (as separate
 * processes would have): fifty distinct ports, no failure.
 */
@Tag("slow")
class ConcurrentReservationTest {
    private static final int DEPLOYS = 50;

    @TempDir
    Path dir;

    @Test
    void givesFiftySimultaneousReservationsDistinctPortsOnSqlite() throws Exception {
        String url = "sqlite:" + dir.resolve("state.db");
        AliveDatabase.open(url).close();
        assertDistinctPorts(url);
    }

    @Test
    void givesFiftySimultaneousReservationsDistinctPortsOnPostgres() throws Exception {
        try (var postgres = TestPostgres.create()) {
            AliveDatabase.open(postgres.url()).close();
            assertDistinctPorts(postgres.url());
        }
    }

    @Test
    void givesDistinctPortsToReservationsFromSeparateProcesses() throws Exception {
        try (var postgres = TestPostgres.create()) {
            String sqlite = "sqlite:" + dir.resolve("processes.db");
            for (String url : List.of(sqlite, postgres.url())) {
                var processes = new ArrayList<Process>();
                for (int p = 0; p < 5; p++) {
                    processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", System.getProperty("java.class.path"), ReserveMain.class.getName(), url, "p" + p, "10")
                            .redirectErrorStream(true).start());
                }
                var ports = new ArrayList<Integer>();
                for (var process : processes) {
                    String output = new String(process.getInputStream().readAllBytes());
                    assertThat(process.waitFor()).as(output).isZero();
                    output.lines().filter(line -> line.matches("\\d+")).map(Integer::valueOf).forEach(ports::add);
                }
                assertThat(ports).as(url).hasSize(DEPLOYS).doesNotHaveDuplicates();
            }
        }
    }

    /** One process of the test above: reserves {@code count} domains from as many threads, prints the ports. */
    static final class ReserveMain {
        public static void main(String[] args) throws Exception {
            String url = args[0];
            int count = Integer.parseInt(args[2]);
            var pool = Executors.newFixedThreadPool(count);
            try (var db = AliveDatabase.open(url)) {
                var results = new ArrayList<Future<Integer>>();
                for (int i = 0; i < count; i++) {
                    String domain = args[1] + "-" + i + ".example.com";
                    results.add(pool.submit(() ->
                            db.domains().reserve(domain, "local", 3333, 3999, OptionalInt.empty()).domain().port()));
                }
                for (var result : results) {
                    System.out.println(result.get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static void assertDistinctPorts(String url) throws Exception {
        var pool = Executors.newFixedThreadPool(DEPLOYS);
        var ready = new CountDownLatch(DEPLOYS);
        var go = new CountDownLatch(1);
        var deploys = new ArrayList<Future<Integer>>();
        for (int i = 0; i < DEPLOYS; i++) {
            String domain = "site" + i + ".example.com";
            Callable<Integer> deploy = () -> {
                try (var db = AliveDatabase.open(url)) {
                    db.stateStore().committed(dev.alive.engine.task.TaskId.of(domain, "port")); // connected before the gate
                    ready.countDown();
                    go.await();
                    return db.domains().reserve(domain, "local", 3333, 3999, OptionalInt.empty()).domain().port();
                }
            };
            deploys.add(pool.submit(deploy));
        }
        assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        var ports = new ArrayList<Integer>();
        for (var deploy : deploys) {
            ports.add(deploy.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(new HashSet<>(ports)).hasSize(DEPLOYS);
        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(3333, 3333 + DEPLOYS - 1));
        try (var db = AliveDatabase.open(url)) {
            List<Domains.Domain> rows = db.domains().list(Optional.of("local"));
            assertThat(rows).hasSize(DEPLOYS);
        }
    }
}
