package dev.alive.tasks;

import dev.alive.engine.ApplyOptions;
import dev.alive.engine.ApplyResult;
import dev.alive.engine.Engine;
import dev.alive.engine.EngineOptions;
import dev.alive.engine.FaultInjection;
import dev.alive.engine.Plan;
import dev.alive.engine.RunListener;
import dev.alive.engine.TaskGraph;
import dev.alive.engine.UnitResult;
import dev.alive.engine.store.RunRecord;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.AliveDatabase;
import dev.alive.state.Domains;
import dev.alive.tasks.host.Machine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tasks module's one entry point: deploys sites onto one host. Opens the host's state store,
 * compiles sites into the engine's task graph and plans, applies or destroys it.
 *
 * <pre>{@code
 * try (var deployments = Deployments.open(host, System.getenv(), LocalMachine.of(host))) {
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
    private final Machine system;
    private final Map<String, String> environment;

    private Deployments(Host host, AliveDatabase database, Engine engine, SiteCompiler compiler, Machine system,
                        Map<String, String> environment) {
        this.host = host;
        this.database = database;
        this.engine = engine;
        this.compiler = compiler;
        this.system = system;
        this.environment = Map.copyOf(environment);
    }

    /** Opens the host's state store (which must answer before anything else happens). */
    public static Deployments open(Host host, Map<String, String> environment, Machine system) {
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

    /**
     * Applies the sites. First checks that the programs the run needs are installed, so a missing
     * {@code node} or {@code caddy} is one clear error before anything changes.
     */
    public ApplyResult apply(List<Site> sites, OwnerPassword password, ApplyOptions options, RunListener listener) {
        Preflight.of(environment).check(sites, host);
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
        var graph = compiler.compileRollback(site, release);
        return engine.apply(graph, options.withForced(Set.of(SiteCompiler.taskId(site, "rollback"))), listener);
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

    public dev.alive.engine.store.StateStore stateStore() {
        return database.stateStore();
    }

    @Override
    public void close() {
        database.close();
    }
}
