package dev.alive.deploy;

import dev.alive.engine.ApplyOptions;
import dev.alive.engine.ApplyResult;
import dev.alive.engine.Plan;
import dev.alive.engine.UnitResult;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import dev.alive.specs.Host;
import dev.alive.specs.HostProfiles;
import dev.alive.specs.Site;
import dev.alive.tasks.ExampleHostFixtures;
import dev.alive.tasks.Http;
import dev.alive.tasks.OwnerPassword;
import dev.alive.tasks.SitePaths;
import dev.alive.tasks.host.LocalMachine;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.ProcessService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A temporary host for end-to-end tests: the local profile rooted in a test folder, ports from a
 * private range, Caddy on free loopback admin and listen ports, and copies of the example site
 * (specs/examples/hello) as templates. {@link #close} stops every app and Caddy, so nothing leaks.
 */
final class TestHost implements AutoCloseable {

    static final String PASSWORD = ExampleHostFixtures.PASSWORD;
    static final String EXAMPLE_DOMAIN = ExampleHostFixtures.EXAMPLE_DOMAIN;

    private final Path workDir;
    private final Host host;
    private final Map<String, String> environment;
    private final HostOperations deployments;

    private TestHost(Path workDir, Host host, Map<String, String> environment) {
        this.workDir = workDir;
        this.host = host;
        this.environment = environment;
        this.deployments = HostOperations.open(host, environment, LocalMachine.of(host));
    }

    /** The local profile (alive's own user, plain processes, Caddy) under {@code workDir/.alive}. */
    static TestHost local(Path workDir) {
        return create(workDir, Host.Users.NONE, 5, Map.of());
    }

    /**
     * The local profile with {@code users: create}: site users are made by {@code useradd --prefix}
     * in the root's own etc/passwd (written here), and the folders above the root are opened for
     * them to traverse.
     */
    static TestHost withSiteUsers(Path workDir) {
        try {
            var etc = Files.createDirectories(workDir.resolve(".alive/etc"));
            Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
            Files.writeString(etc.resolve("group"), "root:x:0:\n");
            Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
            Files.writeString(etc.resolve("gshadow"), "root:*::\n");
            Files.setPosixFilePermissions(etc.resolve("shadow"), PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(etc.resolve("gshadow"), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(etc.resolve("login.defs"),
                    "SYS_UID_MIN 100\nSYS_UID_MAX 999\nSYS_GID_MIN 100\nSYS_GID_MAX 999\nUSERGROUPS_ENAB yes\n");
            for (var dir = workDir.resolve(".alive"); dir.getParent() != null; dir = dir.getParent()) {
                var modes = Files.getPosixFilePermissions(dir);
                modes.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(dir, modes);
                if (dir.equals(workDir.getParent())) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return create(workDir, Host.Users.CREATE, 5, Map.of());
    }

    /** The local profile, with {@code extra} in alive's environment (values for {@code ${NAME}}). */
    static TestHost local(Path workDir, Map<String, String> extra) {
        return create(workDir, Host.Users.NONE, 5, extra);
    }

    /** The local profile keeping {@code keepRuns} runs per site in the state store. */
    static TestHost keepingRuns(Path workDir, int keepRuns) {
        var made = local(workDir);
        var h = made.host;
        made.deployments.close();
        return new TestHost(workDir, h.withKeepRuns(keepRuns),
                made.environment);
    }

    static TestHost create(Path workDir, Host.Users users, int ports, Map<String, String> extra) {
        var environment = new HashMap<String, String>(extra);
        environment.put("PATH", System.getenv("PATH"));
        environment.put(HostProfiles.CADDY_ADMIN_VARIABLE, "127.0.0.1:" + Ports.free());
        var local = HostProfiles.local(workDir, environment);
        var proxy = local.proxy().withListenAddress("127.0.0.1:" + Ports.free());
        var host = new Host(local.name(), local.root(), local.state(), local.sites(), local.envDir(),
                Ports.freeRange(ports), local.serverIp(), local.wildcardDomain(), users, local.services(), proxy,
                local.keepReleases());
        if (host.proxy().kind() != Host.Proxy.Kind.CADDY) {
            throw new IllegalStateException("caddy is not on the PATH: " + environment.get("PATH"));
        }
        return new TestHost(workDir, host, Map.copyOf(environment));
    }

    Host host() {
        return host;
    }

    Path root() {
        return host.root();
    }

    HostOperations deployments() {
        return deployments;
    }

    /** A copy of the example site under another domain. */
    Site site(String domain) {
        return site(domain, yaml -> yaml);
    }

    /** A copy of the example site under another domain, its site.yaml changed by {@code edit}. */
    Site site(String domain, UnaryOperator<String> edit) {
        return ExampleHostFixtures.exampleSite(workDir, domain, environment, edit);
    }

    /** A first deploy: the owner's password is given (it creates the owner, or must verify). */
    Applied deploy(Site... sites) {
        return apply(OwnerPassword.of(PASSWORD), sites);
    }

    /** A redeploy: no credentials, as an operator would run it. */
    Applied apply(Site... sites) {
        return apply(OwnerPassword.none(), sites);
    }

    Applied apply(OwnerPassword password, Site... sites) {
        var listener = new RecordingListener();
        var request = new ApplyRequest(List.of(sites), PasswordSource.given(password), ApplyOptions.defaults());
        var result = deployments.apply(request, listener);
        return new Applied(result, listener);
    }

    Plan plan(Site site) {
        return deployments.plan(new PlanRequest(List.of(site), PasswordSource.none()));
    }

    UnitResult.Finished destroy(Site site) {
        var result = deployments.destroy(new DestroyRequest(site, ApplyOptions.defaults()), new RecordingListener());
        var finished = (UnitResult.Finished) result;
        if (finished.outcome() != RunOutcome.SUCCEEDED) {
            throw new AssertionError("destroy of " + site.domain() + " failed: " + finished.summary());
        }
        return finished;
    }

    SitePaths paths(Site site) {
        return SitePaths.of(site, host);
    }

    /** The app's pid, from its pid file. */
    Optional<Long> pid(Site site) {
        return service(pidFile(site.slug())).pid();
    }

    int port(Site site) {
        return deployments.domain(site.domain()).orElseThrow(() -> new AssertionError("no row for " + site.domain()))
                .port();
    }

    Http.Response getThroughProxy(Site site, String path) {
        var listen = host.proxy().listenAddress();
        return Http.get(Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)), site.domain(), path);
    }

    /** Whether the proxy answers for the site with its page (false when nothing listens). */
    boolean servedThroughProxy(Site site) {
        try {
            var response = getThroughProxy(site, "/");
            return response.status() == 200 && response.body().contains("Hello from alive");
        } catch (java.io.UncheckedIOException e) {
            return false;
        }
    }

    Http.Response getDirect(Site site, String path) {
        return Http.get(port(site), site.domain(), path);
    }

    /**
     * GET on the app's port once it listens: a rollback restarts the previous release and returns
     * without waiting for it to answer.
     */
    Http.Response getDirectOnceListening(Site site, String path) {
        var port = port(site);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!Http.listening(port) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return Http.get(port, site.domain(), path);
    }

    /** Stops every app started under this host and Caddy, then closes the state store. */
    @Override
    public void close() {
        try {
            ExampleHostFixtures.stopApps(host);
        } finally {
            deployments.close();
        }
    }

    private Path pidFile(String slug) {
        return host.root().resolve("services").resolve(slug + ".pid");
    }

    private static ProcessService service(Path pidFile) {
        return ExampleHostFixtures.service(pidFile);
    }

    static Path example() {
        return ExampleHostFixtures.example();
    }

    /** An apply's result with the events it produced. */
    record Applied(ApplyResult result, RecordingListener events) {

        UnitResult.Finished unit(Site site) {
            return result.unit(site.domain()).map(UnitResult.Finished.class::cast)
                    .orElseThrow(() -> new AssertionError("no result for " + site.domain()));
        }

        List<String> ran(Site site) {
            return unit(site).ran().stream().map(TaskId::name).sorted().toList();
        }

        List<String> skipped(Site site) {
            return unit(site).skipped().stream().map(TaskId::name).sorted().toList();
        }

        Applied assertSucceeded() {
            if (!result.succeeded()) {
                throw new AssertionError("apply failed: " + result + "\n" + events);
            }
            return this;
        }

        @Override
        public String toString() {
            return result + "\n" + events;
        }
    }
}
