package dev.alive.engine;

import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
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
import java.util.function.Function;

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

    private final StateStore store;
    private final Planner planner;
    private final RunLifecycle lifecycle;
    private final TaskStep step;
    private final UndoWalk undoWalk;
    private final DestroyBody destroyBody;

    private Engine(StateStore store, EngineOptions options) {
        var check = new UpToDateCheck(store);
        var backups = new BackupDirs(options.workDir());
        var locks = new UnitLocks(store, options);
        var execution = new JournaledExecution(options.faults());
        this.store = store;
        this.planner = new Planner(store, check, locks);
        this.undoWalk = new UndoWalk(store, backups, options.faults());
        this.lifecycle = new RunLifecycle(store, options, new LockedSection(locks, options),
                new Recovery(store, undoWalk, backups, options), backups);
        this.step = new TaskStep(check, new OutputRecorder(store, options.clock()), backups, execution);
        this.destroyBody = new DestroyBody(store, backups, execution);
    }

    public static Engine create(StateStore store, EngineOptions options) {
        return new Engine(store, options);
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
     * {@link ApplyOptions#parallelism()} threads, each unit as one run of {@link ApplyOptions#kind()}.
     * Returns when every unit has committed, rolled back, been refused its lock, or (fail-fast) not
     * started.
     */
    public ApplyResult apply(TaskGraph graph, ApplyOptions options, RunListener listener) {
        var pool = Executors.newFixedThreadPool(options.parallelism(), daemonThreads("alive-task"));
        var ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("alive-heartbeat"));
        var unitThreads = Executors.newFixedThreadPool(unitsInFlight(options.parallelism()), daemonThreads("alive-unit"));
        try {
            var stop = new AtomicBoolean();
            var body = new ApplyBody(options, store, step, undoWalk, pool, stop);
            Function<String, UnitResult> applyUnit = unit -> stop.get()
                    ? new UnitResult.NotStarted(unit, "another unit failed and fail-fast is on")
                    : lifecycle.run(graph, unit, body, options, ticker, listener);
            var units = graph.units();
            if (units.size() == 1) {
                return new ApplyResult(List.of(applyUnit.apply(units.get(0))));
            }
            var futures = units.stream()
                    .map(unit -> CompletableFuture.supplyAsync(() -> applyUnit.apply(unit), unitThreads))
                    .toList();
            return new ApplyResult(joinAll(futures));
        } finally {
            unitThreads.shutdownNow();
            pool.shutdownNow();
            ticker.shutdownNow();
        }
    }

    /**
     * Destroys one unit of the graph (see {@link Task#destroy}) as a journaled run of kind DESTROY;
     * of the options only {@link ApplyOptions#lockWait()} and {@link ApplyOptions#secrets()} count.
     */
    public UnitResult destroy(TaskGraph graph, String unit, ApplyOptions options, RunListener listener) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemonThreads("alive-heartbeat"));
        try {
            return lifecycle.run(graph, unit, destroyBody, options, ticker, listener);
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
