package dev.alive.tasks;

import dev.alive.engine.ApplyOptions;
import dev.alive.engine.ApplyResult;
import dev.alive.engine.Engine;
import dev.alive.engine.EngineOptions;
import dev.alive.engine.FaultInjection;
import dev.alive.engine.Input;
import dev.alive.engine.Output;
import dev.alive.engine.Plan;
import dev.alive.engine.RunListener;
import dev.alive.engine.RunRecord;
import dev.alive.engine.Task;
import dev.alive.engine.TaskContext;
import dev.alive.engine.TaskGraph;
import dev.alive.engine.TaskId;
import dev.alive.engine.UndoContext;
import dev.alive.engine.UnitResult;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.AliveDatabase;
import dev.alive.state.Domains;
import dev.alive.tasks.system.FileOps;
import dev.alive.tasks.system.LinuxUser;
import dev.alive.tasks.system.LinuxUsers;
import dev.alive.tasks.system.RunAs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tasks module's one entry point: deploys sites onto one host. Opens the host's state store,
 * compiles sites into the engine's task graph and plans, applies or destroys it.
 *
 * <pre>{@code
 * try (var deployments = Deployments.open(host, System.getenv(), HostSystem.real(host))) {
 *     var result = deployments.apply(sites, OwnerPassword.none(), ApplyOptions.defaults(), listener);
 * }
 * }</pre>
 */
public final class Deployments implements AutoCloseable {

    /** Environment variable with faults to inject (see {@link FaultInjection#parse}); for reliability tests. */
    public static final String FAULTS_VARIABLE = "ALIVE_FAULTS";

    private final Host host;
    private final AliveDatabase database;
    private final Engine engine;
    private final SiteCompiler compiler;
    private final HostSystem system;
    private final Map<String, String> environment;

    private Deployments(Host host, AliveDatabase database, Engine engine, SiteCompiler compiler, HostSystem system,
                        Map<String, String> environment) {
        this.host = host;
        this.database = database;
        this.engine = engine;
        this.compiler = compiler;
        this.system = system;
        this.environment = Map.copyOf(environment);
    }

    /** Opens the host's state store (which must answer before anything else happens). */
    public static Deployments open(Host host, Map<String, String> environment, HostSystem system) {
        var database = AliveDatabase.open(host.state());
        try {
            var options = EngineOptions.defaults()
                    .withWorkDir(host.root().resolve("work"))
                    .withFaults(FaultInjection.parse(environment.get(FAULTS_VARIABLE)));
            var engine = Engine.create(database.stateStore(), options);
            return new Deployments(host, database, engine, new SiteCompiler(host, environment, system, database), system,
                    environment);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Host host() {
        return host;
    }

    public TaskGraph graph(List<Site> sites, OwnerPassword password) {
        return compiler.compile(sites, password);
    }

    /**
     * What apply would do. A given password does not make the account task run: it is checked
     * whenever that task runs (a site new to its owner), and a redeploy needs no credentials.
     */
    public Plan plan(List<Site> sites, OwnerPassword password) {
        return engine.plan(graph(sites, password));
    }

    public ApplyResult apply(List<Site> sites, OwnerPassword password, ApplyOptions options, RunListener listener) {
        return engine.apply(graph(sites, password), options, listener);
    }

    /** Removes everything alive made for the site but its owner's account. */
    public UnitResult destroy(Site site, ApplyOptions options, RunListener listener) {
        return engine.destroy(graph(List.of(site), OwnerPassword.none()), site.domain(), options, listener);
    }

    /**
     * Makes a retained release of the site current again, as a run of the site of its own: the
     * site's graph as last applied (none of its tasks may need to run, or the run fails asking for
     * an apply first; drift is ignored, so a broken live release can be rolled back) plus one task
     * {@code <domain>/rollback} that points {@code current} at the release, restarts the service,
     * checks health and names the release current in the state store. A failure is undone. The
     * next apply returns to what the spec says (activate and register see the drift).
     */
    public ApplyResult rollback(Site site, String release, ApplyOptions options, RunListener listener) {
        var frozen = new ArrayList<Task>();
        graph(List.of(site), OwnerPassword.none()).tasksOf(site.domain()).forEach(t -> frozen.add(new AsApplied(t)));
        var setup = new SiteSetup(site, host, SitePaths.of(site, host), system, environment);
        var ids = frozen.stream().map(Task::id).collect(Collectors.toSet());
        var rollback = new RollbackTask(SiteCompiler.taskId(site, "rollback"), ids, setup, release,
                SiteCompiler.taskId(site, "port"), database.domains());
        frozen.add(rollback);
        return engine.apply(TaskGraph.of(frozen), options.withForced(Set.of(rollback.id())), listener);
    }

    /** Where the site of {@code domain} lives on this host (its releases, its current link, ...). */
    public SitePaths paths(String domain) {
        return SitePaths.of(domain, domain.replaceAll("[^a-z0-9]+", "-"), host);
    }

    public Optional<Domains.Domain> domain(String hostname) {
        return database.domains().find(hostname);
    }

    public List<Domains.Domain> domains(boolean allHosts) {
        return database.domains().list(allHosts ? Optional.empty() : Optional.of(host.name()));
    }

    public List<RunRecord> history(String domain, int limit) {
        return database.stateStore().runs(domain, limit);
    }

    public dev.alive.engine.StateStore stateStore() {
        return database.stateStore();
    }

    @Override
    public void close() {
        database.close();
    }

    /**
     * A site task as last applied, for a rollback run: up to date or the run fails (the spec changed
     * since the last apply); its own drift checks are ignored; undo (of a dead earlier run) is its own.
     */
    private record AsApplied(Task task) implements Task {
        @Override
        public TaskId id() {
            return task.id();
        }

        @Override
        public Set<TaskId> dependsOn() {
            return task.dependsOn();
        }

        @Override
        public List<Input> inputs() {
            return task.inputs();
        }

        @Override
        public boolean outputsKnownAfterRun() {
            return task.outputsKnownAfterRun();
        }

        @Override
        public Map<String, Output> run(TaskContext context) {
            throw new IllegalStateException("the spec or the site changed since the last apply, so this task would"
                    + " have to run; apply the spec (or restore it as it was) before rolling back");
        }

        @Override
        public void undo(UndoContext context) throws Exception {
            task.undo(context);
        }
    }

    /**
     * Points {@code current} at a retained release, restarts the service, checks health, and names
     * the release current in the domain's row. Undo points back, restarts, and restores the row.
     */
    private static final class RollbackTask implements Task {
        private static final String NONE = "(none)";

        private final TaskId id;
        private final Set<TaskId> dependsOn;
        private final SiteSetup setup;
        private final String release;
        private final TaskId port;
        private final Domains domains;

        RollbackTask(TaskId id, Set<TaskId> dependsOn, SiteSetup setup, String release, TaskId port, Domains domains) {
            this.id = id;
            this.dependsOn = Set.copyOf(dependsOn);
            this.setup = setup;
            this.release = release;
            this.port = port;
            this.domains = domains;
        }

        @Override
        public TaskId id() {
            return id;
        }

        @Override
        public Set<TaskId> dependsOn() {
            return dependsOn;
        }

        @Override
        public List<Input> inputs() {
            return List.of(Input.value("release", release), Input.upstream("port", port, "port"));
        }

        @Override
        public Map<String, Output> run(TaskContext context) {
            var paths = setup.paths();
            if (release.isEmpty() || release.startsWith(".") || !Files.isDirectory(paths.release(release))) {
                throw new IllegalStateException("release " + release + " is not retained in " + paths.releasesDir());
            }
            var domain = setup.site().domain();
            var row = domains.find(domain).filter(d -> d.orgId() != null)
                    .orElseThrow(() -> new IllegalStateException(domain + " is not registered: apply it first"));
            context.recordUndo("previous", currentTarget());
            context.recordUndo("previousRelease", String.valueOf(row.currentRelease()));
            FileOps.swapSymlink(paths.currentLink(), Path.of("releases", release));
            setup.services().restart(setup, siteUser());
            var health = setup.site().health();
            var portNumber = Integer.parseInt(context.input("port"));
            var result = setup.system().health().check(portNumber, health.path(), health.timeout(), attempt -> { });
            if (!result.healthy()) {
                throw new IllegalStateException("release " + release + ": GET http://127.0.0.1:" + portNumber
                        + health.path() + " did not answer 2xx/3xx within " + health.timeout().toSeconds()
                        + " s (last: " + result.last().describe() + ")");
            }
            context.log("release " + release + " is current and healthy (" + result.last().describe() + ")");
            domains.activate(domain, row.orgId(), release);
            return Map.of("release", Output.value(release));
        }

        @Override
        public void undo(UndoContext context) throws IOException {
            var previous = context.notes().get("previous");
            if (previous == null) {
                return;
            }
            if (NONE.equals(previous)) {
                setup.services().stop(setup);
                Files.deleteIfExists(setup.paths().currentLink());
            } else {
                FileOps.swapSymlink(setup.paths().currentLink(), Path.of(previous));
                setup.services().restart(setup, siteUser());
            }
            var previousRelease = context.notes().get("previousRelease");
            var row = domains.find(setup.site().domain());
            if (previousRelease != null && !"null".equals(previousRelease) && row.isPresent()
                    && row.get().orgId() != null) {
                domains.activate(row.get().hostname(), row.get().orgId(), previousRelease);
            }
        }

        private Optional<RunAs> siteUser() {
            return setup.createsUsers()
                    ? setup.system().users().lookup(LinuxUsers.userName(setup.site().slug())).map(LinuxUser::runAs)
                    : Optional.empty();
        }

        private String currentTarget() {
            try {
                var link = setup.paths().currentLink();
                return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).toString() : NONE;
            } catch (IOException e) {
                return NONE;
            }
        }
    }
}
