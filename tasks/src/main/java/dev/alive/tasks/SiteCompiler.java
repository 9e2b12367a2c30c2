package dev.alive.tasks;

import dev.alive.engine.TaskGraph;
import dev.alive.engine.task.Task;
import dev.alive.engine.task.TaskId;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.AliveDatabase;
import dev.alive.tasks.host.Machine;
import dev.alive.tasks.site.AccountClaims;
import dev.alive.tasks.site.AccountTask;
import dev.alive.tasks.site.ActivateTask;
import dev.alive.tasks.site.AsAppliedTask;
import dev.alive.tasks.site.BuildTask;
import dev.alive.tasks.site.DnsTask;
import dev.alive.tasks.site.EnvTask;
import dev.alive.tasks.site.HealthTask;
import dev.alive.tasks.site.InstallTask;
import dev.alive.tasks.site.PortTask;
import dev.alive.tasks.site.ProxyTask;
import dev.alive.tasks.site.RegisterTask;
import dev.alive.tasks.site.ReleaseTask;
import dev.alive.tasks.site.RollbackTask;
import dev.alive.tasks.site.ServiceTask;
import dev.alive.tasks.site.UserTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles sites on a host into one task graph: per site (its domain is the unit)
 * <pre>
 *   dns -> account -> port, user
 *   user -> install? -> release -> build?
 *   port, user -> env;  user -> service
 *   release, build?, env, service -> activate -> health -> proxy -> register
 * </pre>
 * The account comes before anything that touches the host; no infrastructure task sees the
 * owner's email or password.
 *
 * <p>The tasks module's entry point: the deploy layer builds one per host and hands its graphs to
 * the engine.
 *
 * <pre>{@code
 * var compiler = new SiteCompiler(host, environment, LocalMachine.of(host), database);
 * var graph = compiler.compile(sites, OwnerPassword.none());
 * }</pre>
 */
public final class SiteCompiler {

    private final Host host;
    private final Map<String, String> environment;
    private final Machine machine;
    private final AliveDatabase database;
    private final AccountClaims accountClaims = new AccountClaims();

    /**
     * @param environment alive's environment: the PATH spec commands get, {@code ${NAME}} values
     * @param machine the machine the host profile describes, which the tasks reach it through
     * @param database the host's state store (accounts, domains and ports)
     */
    public SiteCompiler(Host host, Map<String, String> environment, Machine machine, AliveDatabase database) {
        this.host = host;
        this.environment = Map.copyOf(environment);
        this.machine = machine;
        this.database = database;
    }

    /** The id of the site's task {@code name} ({@code <domain>/<name>}). */
    public static TaskId taskId(Site site, String name) {
        return TaskId.of(site.domain(), name);
    }

    /** The graph of the sites' tasks; {@code password} only reaches the account tasks. */
    public TaskGraph compile(List<Site> sites, OwnerPassword password) {
        var tasks = new ArrayList<Task>();
        for (var site : sites) {
            tasks.addAll(tasksOf(site, password));
        }
        return TaskGraph.of(tasks);
    }

    /**
     * A rollback run of one site: its tasks as last applied (see {@link AsAppliedTask}) plus one
     * {@code <domain>/rollback} task that makes {@code release} current again.
     */
    public TaskGraph compileRollback(Site site, String release) {
        if (site.isAsIs()) {
            throw new dev.alive.engine.error.AliveException(dev.alive.engine.error.ErrorCategory.INVALID_INPUT,
                    site.domain() + " is adopted as it is (layout kind: as-is) and has no releases to roll back to");
        }
        var tasks = new ArrayList<Task>();
        tasksOf(site, OwnerPassword.none()).forEach(task -> tasks.add(new AsAppliedTask(task)));
        var ids = new HashSet<TaskId>();
        tasks.forEach(task -> ids.add(task.id()));
        var context = new SiteContext(site, host, SitePaths.of(site, host), machine, environment);
        tasks.add(new RollbackTask(taskId(site, "rollback"), ids, context, release, taskId(site, "port"),
                database.domains()));
        return TaskGraph.of(tasks);
    }

    private List<Task> tasksOf(Site site, OwnerPassword password) {
        if (site.layout() instanceof dev.alive.specs.SiteLayout.AsIs asIs) {
            return AsIsTasks.of(site, asIs, host, machine.files(), database.domains());
        }
        var context = new SiteContext(site, host, SitePaths.of(site, host), machine, environment);
        var app = site.app();
        var dns = taskId(site, "dns");
        var account = taskId(site, "account");
        var port = taskId(site, "port");
        var user = taskId(site, "user");
        var install = app.install().map(x -> taskId(site, "install"));
        var release = taskId(site, "release");
        var build = app.build().map(x -> taskId(site, "build"));
        var env = taskId(site, "env");
        var service = taskId(site, "service");
        var activate = taskId(site, "activate");
        var health = taskId(site, "health");
        var proxy = taskId(site, "proxy");
        var register = taskId(site, "register");

        var tasks = new ArrayList<Task>();
        tasks.add(new DnsTask(dns, Set.of(), context));
        tasks.add(new AccountTask(account, Set.of(dns), site.owner().email(), site.owner().org(), password,
                database.accounts(), accountClaims));
        tasks.add(new PortTask(port, Set.of(account), site.domain(), host.name(), host.ports(), site.port(),
                database.domains()));
        tasks.add(new UserTask(user, Set.of(account), context));
        install.ifPresent(id -> tasks.add(new InstallTask(id, Set.of(user), context, user)));
        tasks.add(new ReleaseTask(release, with(Set.of(user), install), context, user, install));
        build.ifPresent(id -> tasks.add(new BuildTask(id, Set.of(release, user), context, user, release)));
        tasks.add(new EnvTask(env, Set.of(port, user), context, user, port));
        tasks.add(new ServiceTask(service, Set.of(user), context, user));
        tasks.add(new ActivateTask(activate, with(Set.of(release, env, service, user, port), build), context, user,
                release, env, service, port));
        tasks.add(new HealthTask(health, Set.of(activate, port), context, activate, port));
        if (host.proxy().kind() == Host.Proxy.Kind.CADDY) {
            tasks.add(new ProxyTask(proxy, Set.of(health, port), context, port));
        }
        var registerAfter = host.proxy().kind() == Host.Proxy.Kind.CADDY ? proxy : health;
        tasks.add(new RegisterTask(register, Set.of(registerAfter, account, port, activate), site.domain(), account,
                port, activate, database.domains()));
        return tasks;
    }

    private static Set<TaskId> with(Set<TaskId> ids, Optional<TaskId> optional) {
        var all = new HashSet<>(ids);
        optional.ifPresent(all::add);
        return all;
    }
}
