package dev.alive.bench;

import java.util.ArrayList;

/**
 * Scenario 4: a fleet applied once, then for each parallelism, redeploys after one template file
 * changed (the page: release, build, activate, health and register rerun; install must be reused).
 * Each run's wall time is held against the sum of its rerun tasks' own durations (from the state
 * store's journal) divided by the parallelism: the engine's overhead and scheduling must not be
 * what the fleet waits on.
 */
final class RedeployScenario {

    private static final String NAME = "4 fleet redeploy";

    private final Bench bench;
    private int generation;

    RedeployScenario(Bench bench) {
        this.bench = bench;
    }

    void run() {
        var dir = bench.fixtures.root().resolve("redeploy");
        var count = bench.options.redeploy();
        var sites = bench.fixtures.fleet(dir, "redeploy.bench.test", count, false);
        Fixtures.host(dir, Fixtures.freeRange(200), Fixtures.noProxy());
        var journal = new Journal(dir.resolve("root/state.db"));
        try {
            var setup = Fixtures.deployFleet(bench.alive, dir);
            Bench.log("  first deploy of %d sites (setup, not measured): %.0f s", count, setup.wallSeconds());
            for (var parallel : bench.options.parallelisms()) {
                var walls = new ArrayList<Double>();
                var ratios = new ArrayList<Double>();
                var taskSums = new ArrayList<Double>();
                var leadIns = new ArrayList<Double>();
                var tails = new ArrayList<Double>();
                for (var i = 0; i < bench.options.warmups() + bench.options.runs(); i++) {
                    Fixtures.touchTemplate(sites, ++generation);
                    var before = journal.lastRun();
                    var launched = epochMicros();
                    var run = bench.alive.run(dir, "apply", "--host", "host.yaml", "sites", "--parallel",
                            String.valueOf(parallel)).orFail();
                    var exited = epochMicros();
                    var work = journal.since(before);
                    check(work, count);
                    if (i >= bench.options.warmups()) {
                        walls.add(run.wallSeconds());
                        taskSums.add(work.taskSeconds());
                        ratios.add(run.wallSeconds() / (work.taskSeconds() / parallel));
                        leadIns.add((work.firstStart() - launched) / 1e6);
                        tails.add((exited - work.lastEnd()) / 1e6);
                    }
                }
                var note = "--parallel " + parallel + ", " + count + " sites x 5 tasks rerun, install reused on all";
                bench.add(new Result(NAME, "wall, --parallel " + parallel, "s", Result.of(walls), -1, "", "", note));
                bench.add(new Result(NAME, "sum of rerun task durations, --parallel " + parallel, "s", Result.of(taskSums),
                        -1, "", "", "from the journal: SUCCEEDED - STARTED of each task"));
                bench.add(new Result(NAME, "before the first task, --parallel " + parallel, "s", Result.of(leadIns), -1,
                        "", "", "JVM start, specs, graph, store, the first site's lock and checks"));
                bench.add(new Result(NAME, "after the last task, --parallel " + parallel, "s", Result.of(tails), -1, "",
                        "", "the last commits, the summary, JVM exit"));
                var ratio = Result.of(ratios);
                bench.add(new Result(NAME, "wall / (task sum / " + parallel + ")", "x", ratio, -1, "<= 1.3",
                        Result.verdict(Result.median(ratio) <= 1.3), "1.0: the fleet waits only on its tasks"));
            }
        } finally {
            Fixtures.stopSiteProcesses(dir.resolve("root"));
        }
    }

    private static long epochMicros() {
        var now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    private static void check(Journal.Work work, int sites) {
        if (work.ranByTaskName().containsKey("install")) {
            throw new IllegalStateException("install reran on " + work.ranByTaskName().get("install") + " sites: "
                    + work.ranByTaskName());
        }
        if (work.runs() != sites || work.ranByTaskName().getOrDefault("build", 0) != sites) {
            throw new IllegalStateException("expected " + sites + " runs each rebuilding its site, got " + work.runs()
                    + " runs: " + work.ranByTaskName());
        }
    }
}
