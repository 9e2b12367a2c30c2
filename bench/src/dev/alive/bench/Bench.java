package dev.alive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The benchmark of issue 7, started by {@code bench/run}: generates fixtures in a temporary folder,
 * runs each scenario after warm-up runs, prints a table and writes the same as JSON.
 */
public final class Bench {

    final Options options;
    final Path repo;
    final Alive alive;
    final Fixtures fixtures;
    /** Set when the JVM is shutting down before the run ended (Ctrl-C, kill). */
    private static volatile boolean interrupted;

    private final List<Result> results = new ArrayList<>();
    private final Map<String, String> loads = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    private Bench(Options options, Path repo, Path root) {
        this.options = options;
        this.repo = repo;
        this.alive = new Alive(repo);
        this.fixtures = new Fixtures(repo, root);
    }

    public static void main(String[] args) throws IOException {
        var repo = Path.of(System.getProperty("alive.repo", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, repo);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        var root = Files.createTempDirectory("alive-bench");
        var bench = new Bench(options, repo, root);
        // interrupted (Ctrl-C, kill): stop the sites and Caddy the scenarios started, drop the fixtures
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted = true;
            CommandRun.stopRunning();
            Fixtures.stopEverythingUnder(root);
            if (!options.keep() && Files.exists(root)) {
                Fixtures.deleteTree(root);
            }
        }, "bench-cleanup"));
        try {
            bench.runAll();
        } finally {
            if (!options.keep()) {
                Fixtures.deleteTree(root);
            } else {
                System.out.println("fixtures kept in " + root);
            }
        }
        bench.report();
        System.exit(bench.failures.isEmpty() ? 0 : 1);
    }

    private void runAll() {
        log("alive benchmark: %d cores, %s memory, load %s; fixtures in %s", Machine.cores(), Machine.memory(),
                Machine.load(), fixtures.root());
        scenario(1, "no-op apply of the example", () -> new NoopApplyScenario(this).run());
        scenario(3, "fingerprints of a " + options.files() + "-file tree", () -> new FingerprintScenario(this).run());
        if (options.only().contains(2) || options.only().contains(6)) {
            scenario(2, "fleet of " + options.fleet() + " sites: no-op plan and status",
                    () -> new FleetScenario(this).run(options.only().contains(2), options.only().contains(6)));
        }
        scenario(4, "redeploy of " + options.redeploy() + " sites after a template change",
                () -> new RedeployScenario(this).run());
        scenario(5, options.firstDeploys() + " first deploys as one fleet", () -> new FirstDeploysScenario(this).run());
        scenario(7, options.soak() + " applies of one site: the state store stays bounded",
                () -> new SoakScenario(this).run());
    }

    private void scenario(int number, String name, Runnable body) {
        if (number != 2 && !options.only().contains(number)) {
            return;
        }
        var before = Machine.load();
        log("scenario %d: %s (load %s)", number, name, before);
        try {
            body.run();
        } catch (RuntimeException e) {
            failures.add("scenario " + number + " (" + name + ") failed: " + e.getMessage());
            log("scenario %d FAILED: %s", number, e.getMessage());
        }
        loads.put("scenario " + number, before + " -> " + Machine.load());
    }

    void add(Result result) {
        results.add(result);
        log("  %s / %s: median %s %s (%s)", result.scenario(), result.metric(), Result.format(result.median()),
                result.unit(), result.verdict().isEmpty() ? "no target" : result.verdict() + ", target " + result.target());
    }

    /** Warm-up runs (not returned), then the measured runs. */
    List<CommandRun> repeat(Supplier<CommandRun> run) {
        for (var i = 0; i < options.warmups(); i++) {
            run.get();
        }
        var runs = new ArrayList<CommandRun>();
        for (var i = 0; i < options.runs(); i++) {
            runs.add(run.get());
        }
        return runs;
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%s] %s%n", Instant.now().toString().substring(11, 19), String.format(Locale.ROOT,
                format, args));
        System.out.flush();
    }

    private void report() throws IOException {
        if (interrupted) {
            return; // half a run: the results of the last complete one stay
        }
        var table = Table.render(results);
        System.out.println();
        System.out.println(table);
        var machine = String.format(Locale.ROOT, "%d cores (%s), %s memory, %s; load averages (1/5/15 min) %s",
                Machine.cores(), Machine.cpuModel(), Machine.memory(), Machine.java(),
                loads.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        System.out.println(machine);
        failures.forEach(System.out::println);
        Files.createDirectories(options.out().getParent());
        var json = "{\n  \"formatVersion\": 1,\n  \"finishedAt\": " + Json.quote(Instant.now().toString())
                + ",\n  \"small\": " + options.small() + ",\n  \"machine\": {\"cores\": " + Machine.cores()
                + ", \"cpu\": " + Json.quote(Machine.cpuModel()) + ", \"memory\": " + Json.quote(Machine.memory())
                + ", \"java\": " + Json.quote(Machine.java()) + ", \"load\": {"
                + loads.entrySet().stream().map(e -> Json.quote(e.getKey()) + ": " + Json.quote(e.getValue()))
                .collect(Collectors.joining(", ")) + "}},\n  \"results\": [\n    "
                + results.stream().map(Result::json).collect(Collectors.joining(",\n    ")) + "\n  ],\n  \"failures\": ["
                + failures.stream().map(Json::quote).collect(Collectors.joining(", ")) + "]\n}\n";
        Files.writeString(options.out(), json);
        System.out.println("results written to " + options.out());
    }
}
