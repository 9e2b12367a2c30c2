package dev.alive.tasks;

import dev.alive.engine.Task;
import dev.alive.engine.TaskGraph;
import dev.alive.engine.TaskId;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.AliveDatabase;
import dev.alive.tasks.site.AccountClaims;
import dev.alive.tasks.site.AccountTask;
import dev.alive.tasks.site.AsAppliedTask;
import dev.alive.tasks.site.RollbackTask;
import dev.alive.tasks.site.ActivateTask;
import dev.alive.tasks.site.BuildTask;
import dev.alive.tasks.site.DnsTask;
import dev.alive.tasks.site.EnvTask;
import dev.alive.tasks.site.HealthTask;
import dev.alive.tasks.site.InstallTask;
import dev.alive.tasks.site.PortTask;
import dev.alive.tasks.site.ProxyTask;
import dev.alive.tasks.site.RegisterTask;
import dev.alive.tasks.site.ReleaseTask;
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
 */
public final class SiteCompiler {

    private final Host host;
    private final Map<String, String> environment;
    private final HostSystem system;
    private final AliveDatabase database;
    private final AccountClaims accountClaims = new AccountClaims();

    public SiteCompiler(Host host, Map<String, String> environment, HostSystem system, AliveDatabase database) {
        this.host = host;
        this.environment = Map.copyOf(environment);
        this.system = system;
        this.database = database;
    }

    public static TaskId taskId(Site site, String name) {
        return TaskId.of(site.domain(), name);
    }

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
        var tasks = new ArrayList<Task>();
        tasksOf(site, OwnerPassword.none()).forEach(task -> tasks.add(new AsAppliedTask(task)));
        var ids = new HashSet<TaskId>();
        tasks.forEach(task -> ids.add(task.id()));
        var setup = new SiteSetup(site, host, SitePaths.of(site, host), system, environment);
        tasks.add(new RollbackTask(taskId(site, "rollback"), ids, setup, release, taskId(site, "port"),
                database.domains()));
        return TaskGraph.of(tasks);
    }

    private List<Task> tasksOf(Site site, OwnerPassword password) {
        var setup = new SiteSetup(site, host, SitePaths.of(site, host), system, environment);
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
        tasks.add(new DnsTask(dns, Set.of(), setup));
        tasks.add(new AccountTask(account, Set.of(dns), site.owner().email(), site.owner().org(), password,
                database.accounts(), accountClaims));
        tasks.add(new PortTask(port, Set.of(account), site.domain(), host.name(), host.ports(), site.port(),
                database.domains()));
        tasks.add(new UserTask(user, Set.of(account), setup));
        install.ifPresent(id -> tasks.add(new InstallTask(id, Set.of(user), setup, user)));
        tasks.add(new ReleaseTask(release, with(Set.of(user), install), setup, user, install));
        build.ifPresent(id -> tasks.add(new BuildTask(id, Set.of(release, user), setup, user, release)));
        tasks.add(new EnvTask(env, Set.of(port, user), setup, user, port));
        tasks.add(new ServiceTask(service, Set.of(user), setup, user));
        tasks.add(new ActivateTask(activate, with(Set.of(release, env, service, user, port), build), setup, user, release,
                env, service, port));
        tasks.add(new HealthTask(health, Set.of(activate, port), setup, activate, port));
        if (host.proxy().kind() == Host.Proxy.Kind.CADDY) {
            tasks.add(new ProxyTask(proxy, Set.of(health, port), setup, port));
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
