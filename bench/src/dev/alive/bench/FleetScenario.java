package dev.alive.bench;

import java.util.List;

/**
 * Scenarios 2 and 6 on one fleet of sites (same template, different domains, no proxy), applied
 * once first: {@code alive plan} of the whole fleet folder when nothing changed, and
 * {@code alive status} listing every site. The cost per up-to-date site is the fleet plan's
 * median minus a one-site plan's median, divided by the other sites.
 */
final class FleetScenario {

    private static final String PLAN = "2 no-op plan (fleet)";
    private static final String STATUS = "6 status (fleet)";

    private final Bench bench;

    FleetScenario(Bench bench) {
        this.bench = bench;
    }

    void run(boolean plan, boolean status) {
        var dir = bench.fixtures.root().resolve("fleet");
        bench.fixtures.fleet(dir, "fleet.bench.test", bench.options.fleet(), false);
        Fixtures.host(dir, Fixtures.freeRange(1000), Fixtures.noProxy());
        var count = bench.options.fleet();
        try {
            var setup = Fixtures.deployFleet(bench.alive, dir);
            Bench.log("  first deploy of %d sites (setup, not measured): %.0f s", count, setup.wallSeconds());
            if (plan) {
                plan(dir, count);
            }
            if (status) {
                status(dir, count);
            }
        } finally {
            Fixtures.stopSiteProcesses(dir.resolve("root"));
        }
    }

    private void plan(java.nio.file.Path dir, int count) {
        var runs = bench.repeat(() -> noChanges(bench.alive.run(dir, "plan", "--host", "host.yaml", "sites",
                "--detailed-exitcode")));
        var one = bench.repeat(() -> noChanges(bench.alive.run(dir, "plan", "--host", "host.yaml", "sites/s0001.yaml",
                "--detailed-exitcode")));
        var wall = Result.of(runs.stream().map(CommandRun::wallSeconds).toList());
        var oneWall = Result.of(one.stream().map(CommandRun::wallSeconds).toList());
        var rss = runs.stream().mapToLong(CommandRun::peakRssKb).max().orElse(-1);
        var note = count + " sites, every task up to date";
        bench.add(new Result(PLAN, "wall, " + count + " sites", "s", wall, rss, "< 2 s", Result.verdict(Result.median(wall) < 2),
                note));
        bench.add(new Result(PLAN, "peak RSS, " + count + " sites", "MB",
                Result.of(runs.stream().map(r -> r.peakRssKb() / 1024.0).toList()), rss, "< 256 MB",
                Result.verdict(rss > 0 && rss < 256 * 1024), "largest of the runs"));
        bench.add(new Result(PLAN, "CPU, " + count + " sites", "s", Result.of(runs.stream().map(CommandRun::cpuSeconds).toList()),
                rss, "", "", "user + system, all threads"));
        bench.add(new Result(PLAN, "wall, 1 site of the fleet", "s", oneWall,
                one.stream().mapToLong(CommandRun::peakRssKb).max().orElse(-1), "", "", "start-up and fixed costs"));
        if (count > 1) {
            var perSite = new double[wall.length];
            var oneMedian = Result.median(oneWall);
            for (var i = 0; i < wall.length; i++) {
                perSite[i] = (wall[i] - oneMedian) * 1000 / (count - 1);
            }
            bench.add(new Result(PLAN, "cost per up-to-date site", "ms", perSite, -1, "< 2 ms",
                    Result.verdict(Result.median(perSite) < 2), "(fleet - 1 site) / " + (count - 1)));
        }
    }

    private void status(java.nio.file.Path dir, int count) {
        var runs = bench.repeat(() -> {
            var run = bench.alive.run(dir, "status", "--host", "host.yaml").orFail();
            var lines = run.stdout().lines().filter(line -> line.contains(".fleet.bench.test")).count();
            if (lines != count) {
                throw new IllegalStateException("status listed " + lines + " sites, expected " + count);
            }
            return run;
        });
        var rss = runs.stream().mapToLong(CommandRun::peakRssKb).max().orElse(-1);
        bench.add(new Result(STATUS, "wall, " + count + " sites", "s", Result.of(runs.stream().map(CommandRun::wallSeconds).toList()),
                rss, "", "", "alive status, one line per site"));
    }

    private static CommandRun noChanges(CommandRun run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("plan of an applied fleet " + (run.exitCode() == 2 ? "found changes" : "failed")
                    + " (exit " + run.exitCode() + "):\n" + tail(run.stdout() + run.stderr()));
        }
        return run;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
