package dev.alive.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's one entry point: plan, apply and destroy task graphs against a {@link StateStore}.
 *
 * <pre>{@code
 * var engine = Engine.create(store, EngineOptions.defaults().withWorkDir(dir));
 * Plan plan = engine.plan(graph);
 * ApplyResult result = engine.apply(graph, ApplyOptions.defaults(), listener);
 * }</pre>
 *
 * <p>Plan and apply decide with the same check, so a plan's RUN and UP_TO_DATE are what apply
 * then does (see {@link PlannedTask.Action} for what "known after apply" promises). Each unit of
 * the graph is applied as its own run: locked, journaled, and committed or rolled back on its own.
 * An engine holds no threads between calls; it is safe to share.
 */
public final class Engine {

    private final EngineParts parts;
    private final Planner planner;

    private Engine(EngineParts parts) {
        this.parts = parts;
        this.planner = new Planner(parts.store(), parts.check(), parts.locks());
    }

    public static Engine create(StateStore store, EngineOptions options) {
        return new Engine(EngineParts.create(store, options));
    }

    public static Engine create(StateStore store) {
        return create(store, EngineOptions.defaults());
    }

    /** What {@link #apply} would do now; runs nothing and changes nothing. */
    public Plan plan(TaskGraph graph) {
        return plan(graph, Set.of());
    }

    /** As {@link #plan(TaskGraph)}, with the tasks apply would be told to force. */
    public Plan plan(TaskGraph graph, Set<TaskId> forced) {
        return planner.plan(graph, forced);
    }

    /**
     * Applies every unit of the graph, units in parallel, tasks on a pool of
     * {@link ApplyOptions#parallelism()} threads. Returns when every unit has committed, rolled
     * back, been refused its lock, or (fail-fast) not started.
     */
    public ApplyResult apply(TaskGraph graph, ApplyOptions options, RunListener listener) {
        var pool = Executors.newFixedThreadPool(options.parallelism(), daemonThreads("alive-task"));
        var ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("alive-heartbeat"));
        var unitThreads = Executors.newFixedThreadPool(unitsInFlight(options.parallelism()), daemonThreads("alive-unit"));
        try {
            var run = new UnitRun(parts, pool, ticker, new AtomicBoolean());
            var units = graph.units();
            if (units.size() == 1) {
                return new ApplyResult(List.of(run.apply(graph, units.get(0), options, listener)));
            }
            var futures = units.stream()
                    .map(unit -> CompletableFuture.supplyAsync(() -> run.apply(graph, unit, options, listener), unitThreads))
                    .toList();
            return new ApplyResult(joinAll(futures));
        } finally {
            unitThreads.shutdownNow();
            pool.shutdownNow();
            ticker.shutdownNow();
        }
    }

    /** Destroys one unit of the graph (see {@link Task#destroy}) as a journaled run. */
    public UnitResult destroy(TaskGraph graph, String unit, ApplyOptions options, RunListener listener) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("alive-heartbeat"));
        try {
            return new UnitDestroy(parts, ticker).destroy(graph, unit, options.lockWait(), listener);
        } finally {
            ticker.shutdownNow();
        }
    }

    /**
     * How many units are between taking their lock and committing at once: enough that the task
     * pool always has a unit's next task waiting (twice its size, at least the cores for up-to-date
     * checks), few enough that the first units finish their checks and start their tasks soon,
     * rather than a hundred units sharing the cores and the store for their first checks.
     */
    static int unitsInFlight(int parallelism) {
        return Math.max(2 * parallelism, Runtime.getRuntime().availableProcessors());
    }

    private static List<UnitResult> joinAll(List<CompletableFuture<UnitResult>> futures) {
        var results = new ArrayList<UnitResult>();
        RuntimeException failure = null;
        for (var future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                var cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        var count = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
