package dev.alive.deploy;

import dev.alive.deploy.adopt.LegacyImport;
import dev.alive.deploy.api.ApiTokenRegistry;
import dev.alive.deploy.api.SubdomainDeploy;
import dev.alive.deploy.api.SubdomainSettings;
import dev.alive.deploy.api.SubdomainTemplates;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.ApplyResult;
import dev.alive.engine.Engine;
import dev.alive.engine.EngineOptions;
import dev.alive.engine.FaultInjection;
import dev.alive.engine.Plan;
import dev.alive.engine.RunListener;
import dev.alive.engine.TaskGraph;
import dev.alive.engine.UnitResult;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.secret.SecretRedaction;
import dev.alive.engine.store.RunKind;
import dev.alive.engine.store.RunRecord;
import dev.alive.engine.store.StateStore;
import dev.alive.engine.task.TaskId;
import dev.alive.tasks.system.Caddy;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.AliveDatabase;
import dev.alive.state.Domains;
import dev.alive.tasks.OwnerPassword;
import dev.alive.tasks.SiteCompiler;
import dev.alive.tasks.SiteLogs;
import dev.alive.tasks.SitePaths;
import dev.alive.tasks.SiteReleases;
import dev.alive.tasks.host.LocalMachine;
import dev.alive.tasks.host.Machine;
import dev.alive.tasks.system.LeftoverCommands;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The deploy module's one entry point: every operation on one host, for the CLI and the server
 * alike. It holds the host's state store, the engine over it and the compiler of sites into task
 * graphs; close it to close the store. Specs are read before it is opened (see {@link SpecSet}).
 *
 * <pre>{@code
 * var sites = SpecSet.load(arguments, workingDir, environment, host);
 * try (var operations = HostOperations.open(host, environment)) {
 *     ApplyResult result = operations.apply(new ApplyRequest(sites, PasswordSource.environment(), options), listener);
 * }
 * }</pre>
 */
public final class HostOperations implements AutoCloseable {

    /** Environment variable with faults to inject (see {@link FaultInjection#parse}); for reliability tests. */
    public static final String FAULTS_VARIABLE = "ALIVE_FAULTS";

    private final Host host;
    private final AliveDatabase database;
    private final Engine engine;
    private final SiteCompiler compiler;
    private final Machine machine;
    private final Map<String, String> environment;

    private HostOperations(Host host, AliveDatabase database, Engine engine, SiteCompiler compiler, Machine machine,
                           Map<String, String> environment) {
        this.host = host;
        this.database = database;
        this.engine = engine;
        this.compiler = compiler;
        this.machine = machine;
        this.environment = Map.copyOf(environment);
    }

    /** Opens the host's state store (which must answer before anything else happens), on this machine. */
    public static HostOperations open(Host host, Map<String, String> environment) {
        return open(host, environment, LocalMachine.of(host));
    }

    /** As {@link #open(Host, Map)}, on the given machine (tests replace single facets). */
    public static HostOperations open(Host host, Map<String, String> environment, Machine machine) {
        var database = AliveDatabase.open(host.state());
        try {
            var options = EngineOptions.defaults()
                    .withWorkDir(host.root().resolve("work"))
                    .withKeepRuns(host.keepRuns())
                    .withFaults(FaultInjection.parse(environment.get(FAULTS_VARIABLE)))
                    .withLeftovers(new LeftoverCommands());
            var engine = Engine.create(database.stateStore(), options);
            return new HostOperations(host, database, engine, new SiteCompiler(host, environment, machine, database),
                    machine,
                    environment);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Host host() {
        return host;
    }

    /** alive's environment (values for {@code ${NAME}} in specs). */
    public Map<String, String> environment() {
        return environment;
    }

    /** The task graph of the sites, as apply would run it (with no owner's password). */
    public TaskGraph graph(List<Site> sites) {
        return compiler.compile(sites, OwnerPassword.none());
    }

    /**
     * What apply would do. A given password does not make the account task run: it is checked
     * whenever that task runs (a site new to its owner), and a redeploy needs no credentials.
     */
    public Plan plan(PlanRequest request) {
        return engine.plan(compiler.compile(request.sites(), request.password().read(environment)));
    }

    /**
     * Applies the sites. First checks that the programs the run needs are installed, so a missing
     * {@code node} or {@code caddy} is one clear error before anything changes.
     */
    public ApplyResult apply(ApplyRequest request, RunListener listener) {
        var password = request.password().read(environment);
        Preflight.of(environment).check(request.sites(), host);
        var secrets = RunSecrets.of(request.sites(), environment, password);
        return engine.apply(compiler.compile(request.sites(), password), request.options().withSecrets(secrets),
                recorded(secrets, listener));
    }

    /**
     * Adopts the sites of a legacy server (see {@link LegacyImport}): specs to the out folder, one
     * ADOPT run per site; nothing on the legacy server changes.
     *
     * @throws dev.alive.deploy.legacy.LegacyReadException when a source cannot be read (nothing adopted)
     */
    public ImportResult importLegacy(ImportRequest request, RunListener listener) {
        var caddy = new Caddy(machine.commands(), host.root().resolve("work").resolve("caddy-adapt"));
        return new LegacyImport(engine, compiler, database.domains(), caddy, environment).run(request, listener);
    }

    /** What a destroy of the site would remove, in the order it removes it; changes nothing. */
    public DestroyPlan destroyPlan(Site site) {
        var tasks = new ArrayList<TaskId>();
        graph(List.of(site)).tasksOf(site.domain()).forEach(task -> tasks.add(task.id()));
        Collections.reverse(tasks);
        return new DestroyPlan(site.domain(), List.copyOf(tasks));
    }

    /** Removes everything alive made for the site but its owner's account. */
    public UnitResult destroy(DestroyRequest request, RunListener listener) {
        var site = request.site();
        if (site.isAsIs() && !request.force()) {
            throw new AliveException(ErrorCategory.CONFLICT, site.domain() + " was adopted as it runs (layout kind:"
                    + " as-is) and is protected: destroy refuses it unless given --force (which forgets it in alive"
                    + " and releases its port, leaving the legacy site's files, unit and Caddy block as they are)");
        }
        var secrets = RunSecrets.of(List.of(site), environment, OwnerPassword.none());
        return engine.destroy(graph(List.of(site)), site.domain(), request.options().withSecrets(secrets),
                recorded(secrets, listener));
    }

    /**
     * Makes a retained release of the site current again (the one asked for, else the newest
     * that is not current), as a run of the site of its own: the site's graph as last applied
     * (none of its tasks may need to run, or the run fails asking for an apply first; drift is
     * ignored, so a broken live release can be rolled back) plus one task
     * {@code <domain>/rollback} that points {@code current} at the release, restarts the service,
     * checks health and names the release current in the state store. A failure is undone. The
     * next apply returns to what the spec says (activate and register see the drift).
     */
    public RollbackResult rollback(RollbackRequest request, RunListener listener) {
        var site = request.site();
        var choice = ReleaseChoice.of(SiteReleases.of(paths(site.domain()), machine.files()), site.domain(), request.to());
        if (choice.target().current()) {
            return new RollbackResult.AlreadyCurrent(site.domain(), choice.target().id());
        }
        var graph = compiler.compileRollback(site, choice.target().id());
        var secrets = RunSecrets.of(List.of(site), environment, OwnerPassword.none());
        var forced = request.options().withForced(Set.of(SiteCompiler.taskId(site, "rollback")))
                .withKind(RunKind.ROLLBACK).withSecrets(secrets);
        return new RollbackResult.RolledBack(site.domain(), choice.target().id(), choice.previous(),
                engine.apply(graph, forced, recorded(secrets, listener)));
    }

    /** The sites of this host (or of every host sharing its store), each with its last run. */
    public StatusResult status(StatusRequest request) {
        var domains = domains(request.allHosts()).stream()
                .filter(d -> request.domain().map(d.hostname()::equals).orElse(true))
                .toList();
        if (request.domain().isPresent() && domains.isEmpty()) {
            throw new AliveException(ErrorCategory.FAILED,
                    "no site " + request.domain().get() + " on host " + host.name());
        }
        var sites = new ArrayList<StatusResult.SiteStatus>();
        for (var domain : domains) {
            sites.add(StatusResult.SiteStatus.of(domain, history(domain.hostname(), 1).stream().findFirst()));
        }
        return new StatusResult(List.copyOf(sites));
    }

    /** The runs of a site, newest first, each with its journal. */
    public HistoryResult history(HistoryRequest request) {
        var runs = new ArrayList<HistoryResult.Run>();
        for (var run : history(request.domain(), request.limit())) {
            runs.add(HistoryResult.Run.of(run, stateStore().journal(run.runId())));
        }
        return new HistoryResult(request.domain(), List.copyOf(runs));
    }

    /** One run of the site with its journal, as {@link #history} lists it. */
    public HistoryResult history(RunLogRequest request) {
        var run = runOf(request);
        return new HistoryResult(request.domain(), List.of(HistoryResult.Run.of(run, stateStore().journal(run.runId()))));
    }

    /** The output a run's tasks printed (install, build, undo), secrets hidden, as the store keeps it. */
    public RunLogResult runLog(RunLogRequest request) {
        var run = runOf(request);
        return RunLogResult.of(run, stateStore().runLog(run.runId()));
    }

    private RunRecord runOf(RunLogRequest request) {
        return stateStore().run(request.runId())
                .filter(run -> run.unit().equals(request.domain()))
                .orElseThrow(() -> new AliveException(ErrorCategory.FAILED, "no run " + request.runId() + " of "
                        + request.domain() + " in the state store of host " + host.name() + ": alive history "
                        + request.domain() + " lists its runs"));
    }

    /**
     * Passes the app's log lines of a site of this host to {@code sink} (journald's for systemd
     * sites, the log file for process sites), oldest first; with {@code follow}, then each new line
     * as it comes, until {@code sink} returns false or alive exits.
     */
    public LogsResult logs(LogsRequest request, Predicate<String> sink) {
        request.checkFor(host);
        var domain = database.domains().find(request.domain())
                .orElseThrow(() -> new AliveException(ErrorCategory.FAILED, "no site " + request.domain()
                        + " in the state store of host " + host.name() + ": alive status lists its sites (is the"
                        + " domain spelled right, or not applied yet?)"));
        if (!host.name().equals(domain.host())) {
            throw new AliveException(ErrorCategory.FAILED, "site " + request.domain() + " is deployed on host "
                    + (domain.host() == null ? "(none)" : domain.host()) + ", not on " + host.name()
                    + ": its logs are on that host's machine (alive logs --host " + (domain.host() == null ? "NAME" : domain.host())
                    + " there)");
        }
        var logs = SiteLogs.of(host, machine.commands());
        long[] passed = {0};
        logs.read(request.domain(), request.query(), line -> {
            passed[0]++;
            return sink.test(line);
        });
        return new LogsResult(request.domain(), logs.source(request.domain()), passed[0]);
    }

    /** The releases the site keeps, newest first; a site without any is an error. */
    public ReleasesResult releases(ReleasesRequest request) {
        var retained = SiteReleases.of(paths(request.domain()), machine.files());
        if (retained.releases().isEmpty()) {
            throw new AliveException(ErrorCategory.FAILED, "no releases of " + request.domain() + " on host "
                    + host.name() + " (looked in " + retained.paths().releasesDir() + ")");
        }
        return ReleasesResult.of(request.domain(), retained);
    }

    /** Where the site of {@code domain} lives on this host (its releases, its current link, ...). */
    public SitePaths paths(String domain) {
        return SitePaths.of(domain, Site.slugOf(domain), host);
    }

    public Optional<Domains.Domain> domain(String hostname) {
        return database.domains().find(hostname);
    }

    /** alive serve's API tokens in this host's state store. */
    public ApiTokenRegistry tokens() {
        return new ApiTokenRegistry(database.apiTokens());
    }

    /** The web app's deploy-subdomain on this host, its sites applied as {@link #apply} does. */
    public SubdomainDeploy subdomains(SubdomainSettings settings) {
        return new SubdomainDeploy(host, database.accounts(), database.domains(),
                new SubdomainTemplates(settings.templates(), environment), settings,
                (site, password, listener) -> apply(new ApplyRequest(List.of(site), PasswordSource.given(password),
                        ApplyOptions.defaults()), listener));
    }

    public StateStore stateStore() {
        return database.stateStore();
    }

    private List<Domains.Domain> domains(boolean allHosts) {
        return database.domains().list(allHosts ? Optional.empty() : Optional.of(host.name()));
    }

    private List<RunRecord> history(String domain, int limit) {
        return database.stateStore().runs(domain, limit);
    }

    /**
     * The listener with the run's secrets hidden from its output lines, which are also kept with
     * their run. The same secrets go to the engine in the run's options, which hides them from every
     * failure's text (journal, summaries, listener events, the result): a run's secrets are hidden
     * from everything it prints or stores.
     */
    private RunListener recorded(SecretRedaction secrets, RunListener listener) {
        return new RunLogRecorder(stateStore(), secrets, listener);
    }

    @Override
    public void close() {
        database.close();
    }
}
