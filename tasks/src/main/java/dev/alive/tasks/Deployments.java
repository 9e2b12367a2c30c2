package dev.alive.tasks;

import dev.alive.engine.ApplyOptions;
import dev.alive.engine.ApplyResult;
import dev.alive.engine.Engine;
import dev.alive.engine.EngineOptions;
import dev.alive.engine.FaultInjection;
import dev.alive.engine.Plan;
import dev.alive.engine.RunListener;
import dev.alive.engine.RunRecord;
import dev.alive.engine.TaskGraph;
import dev.alive.engine.TaskId;
import dev.alive.engine.UnitResult;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.AliveDatabase;
import dev.alive.state.Domains;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private Deployments(Host host, AliveDatabase database, Engine engine, SiteCompiler compiler) {
        this.host = host;
        this.database = database;
        this.engine = engine;
        this.compiler = compiler;
    }

    /** Opens the host's state store (which must answer before anything else happens). */
    public static Deployments open(Host host, Map<String, String> environment, HostSystem system) {
        var database = AliveDatabase.open(host.state());
        try {
            var options = EngineOptions.defaults()
                    .withWorkDir(host.root().resolve("work"))
                    .withFaults(FaultInjection.parse(environment.get(FAULTS_VARIABLE)));
            var engine = Engine.create(database.stateStore(), options);
            return new Deployments(host, database, engine, new SiteCompiler(host, environment, system, database));
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

    public Plan plan(List<Site> sites, OwnerPassword password) {
        return engine.plan(graph(sites, password), forced(sites, password));
    }

    public ApplyResult apply(List<Site> sites, OwnerPassword password, ApplyOptions options, RunListener listener) {
        var forced = new HashSet<>(options.forced());
        forced.addAll(forced(sites, password));
        return engine.apply(graph(sites, password), options.withForced(forced), listener);
    }

    /** Removes everything alive made for the site but its owner's account. */
    public UnitResult destroy(Site site, ApplyOptions options, RunListener listener) {
        return engine.destroy(graph(List.of(site), OwnerPassword.none()), site.domain(), options, listener);
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

    /** A given password is checked against an existing owner: the account task then always runs. */
    private static java.util.Set<TaskId> forced(List<Site> sites, OwnerPassword password) {
        if (!password.isGiven()) {
            return java.util.Set.of();
        }
        var ids = new HashSet<TaskId>();
        sites.forEach(site -> ids.add(SiteCompiler.taskId(site, "account")));
        return ids;
    }

    @Override
    public void close() {
        database.close();
    }
}
