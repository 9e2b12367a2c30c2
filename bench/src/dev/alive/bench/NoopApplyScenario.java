package dev.alive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario 1: {@code alive apply} of the example site when everything is up to date, with the
 * local profile's process service and (when it is installed) Caddy on free ports.
 */
final class NoopApplyScenario {

    private static final String NAME = "1 no-op apply (example)";

    private final Bench bench;

    NoopApplyScenario(Bench bench) {
        this.bench = bench;
    }

    void run() {
        var dir = bench.fixtures.root().resolve("example");
        var site = bench.fixtures.example(dir);
        var admin = Fixtures.freePort();
        var caddy = onPath("caddy");
        Fixtures.host(dir, Fixtures.freeRange(100), caddy ? Fixtures.caddy(admin, Fixtures.freePort()) : Fixtures.noProxy());
        try {
            var first = bench.alive.run(dir, Alive.withPassword(), "apply", "--host", "host.yaml", site.toString()).orFail();
            Bench.log("  first deploy of the example: %.1f s%s", first.wallSeconds(), caddy ? "" : " (no caddy on PATH: proxy none)");
            var runs = bench.repeat(() -> {
                var run = bench.alive.run(dir, "apply", "--host", "host.yaml", site.toString()).orFail();
                if (!run.stdout().contains("0 ran")) {
                    throw new IllegalStateException("the no-op apply ran tasks:\n" + run.stdout());
                }
                return run;
            });
            var rss = runs.stream().mapToLong(CommandRun::peakRssKb).max().orElse(-1);
            var wall = Result.of(runs.stream().map(CommandRun::wallSeconds).toList());
            bench.add(new Result(NAME, "wall, JVM start-up included", "s", wall, rss, "< 0.5 s",
                    Result.verdict(Result.median(wall) < 0.5), "bin/alive apply, 13 tasks up to date" + (caddy ? ", Caddy" : "")));
            bench.add(new Result(NAME, "CPU (user + system)", "s", Result.of(runs.stream().map(CommandRun::cpuSeconds).toList()),
                    rss, "", "", "all threads: JIT compiler and GC included"));
        } finally {
            Fixtures.stopSiteProcesses(dir.resolve("root"));
            if (caddy) {
                CommandRun.run(dir, System.getenv(), List.of("caddy", "stop", "--address", "127.0.0.1:" + admin));
            }
        }
    }

    static boolean onPath(String program) {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
