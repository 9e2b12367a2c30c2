package dev.alive.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.regex.Pattern;

/**
 * Scenario 5: a fleet of sites none of which exists yet, applied at once as one fleet on a fresh
 * host root (each run its own), with the default parallelism. Every run must succeed (every site
 * healthy) and give every site its own port.
 */
final class FirstDeploysScenario {

    private static final String NAME = "5 first deploys (fleet)";
    private static final Pattern PORT = Pattern.compile("\"port\"\\s*:\\s*(\\d+)");

    private final Bench bench;

    FirstDeploysScenario(Bench bench) {
        this.bench = bench;
    }

    void run() {
        var count = bench.options.firstDeploys();
        var walls = new ArrayList<Double>();
        var cpus = new ArrayList<Double>();
        var rss = -1L;
        for (var i = 0; i < bench.options.warmups() + bench.options.runs(); i++) {
            var dir = bench.fixtures.root().resolve("first-" + i);
            bench.fixtures.fleet(dir, "first.bench.test", count, !bench.options.sharedOwner());
            Fixtures.host(dir, Fixtures.freeRange(200), Fixtures.noProxy());
            try {
                var run = bench.alive.run(dir, Alive.withPassword(), "apply", "--host", "host.yaml", "sites").orFail();
                checkPorts(bench.alive.run(dir, "status", "--host", "host.yaml", "--json").orFail().stdout(), count);
                if (i >= bench.options.warmups()) {
                    walls.add(run.wallSeconds());
                    cpus.add(run.cpuSeconds());
                    rss = Math.max(rss, run.peakRssKb());
                }
            } finally {
                Fixtures.stopSiteProcesses(dir.resolve("root"));
                Fixtures.deleteTree(dir);
            }
        }
        bench.add(new Result(NAME, "wall, " + count + " sites", "s", Result.of(walls), rss, "no failure, ports distinct",
                Result.verdict(true), "all runs succeeded, every site healthy on its own port; default --parallel; "
                        + (bench.options.sharedOwner() ? "one new owner for all" : "a new owner per site (bcrypt cost 12 each)")));
        bench.add(new Result(NAME, "CPU of alive, " + count + " sites", "s", Result.of(cpus), rss, "", "",
                "user + system of alive and the commands it ran (npm, node)"));
    }

    private static void checkPorts(String statusJson, int sites) {
        var ports = new HashSet<Integer>();
        var found = 0;
        var matcher = PORT.matcher(statusJson);
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(1)));
            found++;
        }
        if (found != sites || ports.size() != sites) {
            throw new IllegalStateException("expected " + sites + " sites on distinct ports, status shows " + found
                    + " sites on " + ports.size() + " ports");
        }
    }
}
