package dev.alive.deploy.reliability;

import dev.alive.deploy.ApplyRequest;
import dev.alive.deploy.DestroyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.RunListener;
import dev.alive.engine.UnitResult;
import dev.alive.engine.store.RunOutcome;
import dev.alive.engine.task.TaskId;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.specs.SpecLoader;
import dev.alive.tasks.ExampleHostFixtures;
import dev.alive.tasks.OwnerPassword;
import dev.alive.tasks.host.LocalMachine;
import dev.alive.tasks.system.Caddy;
import dev.alive.tasks.system.ProcessService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A temporary local host for the reliability suite: the local profile under {@code workDir/.alive},
 * a private port range, Caddy on free loopback ports (one per host, started by the first deploy),
 * copies of the example site as templates. Every apply opens its own {@link HostOperations} with the
 * faults it is given ({@value HostOperations#FAULTS_VARIABLE}), as a fresh {@code alive apply} would.
 */
final class ReliabilityHost implements AutoCloseable {

    static final String PASSWORD = ExampleHostFixtures.PASSWORD;
    static final String EXAMPLE_DOMAIN = ExampleHostFixtures.EXAMPLE_DOMAIN;
    static final List<String> TASKS = List.of("dns", "account", "port", "user", "install", "release", "build", "env",
            "service", "activate", "health", "proxy", "register");

    private final Path workDir;
    private final Host host;
    private final Map<String, String> environment;

    private ReliabilityHost(Path workDir, Host host, Map<String, String> environment) {
        this.workDir = workDir;
        this.host = host;
        this.environment = Map.copyOf(environment);
    }

    /**
     * A host profile file {@code workDir/host.yaml} (the local profile with its own ports, Caddy
     * admin and listen addresses) so that the CLI, run as another process, sees the same host.
     */
    static ReliabilityHost create(Path workDir, int ports) {
        var environment = new HashMap<String, String>();
        environment.put("PATH", System.getenv("PATH"));
        int first = Loopback.freeRange(ports);
        var file = workDir.resolve("host.yaml");
        try {
            Files.createDirectories(workDir);
            Files.writeString(file, "apiVersion: alive/v1\nkind: Host\nroot: ./.alive\nports: " + first + "-"
                    + (first + ports - 1) + "\nproxy:\n  kind: caddy\n  admin: 127.0.0.1:" + Loopback.freePort()
                    + "\n  listen: 127.0.0.1:" + Loopback.freePort() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var host = SpecLoader.withEnvironment(environment).loadHost(file);
        if (host.proxy().kind() != Host.Proxy.Kind.CADDY) {
            throw new IllegalStateException("caddy is not on the PATH: " + environment.get("PATH"));
        }
        return new ReliabilityHost(workDir, host, environment);
    }

    Path hostFile() {
        return workDir.resolve("host.yaml");
    }

    Host host() {
        return host;
    }

    Path root() {
        return host.root();
    }

    Path workDir() {
        return workDir;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** A copy of the example site under {@code domain}, with a short health timeout. */
    Site site(String domain) {
        return site(domain, yaml -> yaml);
    }

    Site site(String domain, UnaryOperator<String> edit) {
        return ExampleHostFixtures.exampleSite(workDir, domain, environment,
                yaml -> edit.apply(yaml.replace("timeout: 30s", "timeout: 10s")));
    }

    /** Changes the site's template so that the next apply makes a new release. */
    static void changeTemplate(Site site, String marker) {
        try {
            var page = site.template().resolve("src/index.html");
            var html = Files.readString(page).replaceAll("<!-- change .* -->\n", "");
            Files.writeString(page, html + "<!-- change " + marker + " -->\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies with the owner's password (a first deploy) and no faults; fails the test unless it succeeded. */
    UnitResult.Finished deploy(Site site) {
        var applied = apply("", OwnerPassword.of(PASSWORD), site);
        if (applied.outcome() != RunOutcome.SUCCEEDED) {
            throw new AssertionError("deploy of " + site.domain() + " failed: " + applied.summary());
        }
        return applied;
    }

    UnitResult.Finished apply(String faults, OwnerPassword password, Site site) {
        return apply(faults, password, site, Set.of());
    }

    /** Applies one site with the given faults, {@code forced} tasks running even when up to date. */
    UnitResult.Finished apply(String faults, OwnerPassword password, Site site, Set<String> forced) {
        var ids = forced.stream().map(name -> task(site, name)).collect(java.util.stream.Collectors.toSet());
        try (var deployments = open(faults)) {
            var result = deployments.apply(new ApplyRequest(List.of(site), PasswordSource.given(password),
                    ApplyOptions.defaults().withForced(ids)), new Events());
            return result.unit(site.domain()).map(UnitResult.Finished.class::cast)
                    .orElseThrow(() -> new AssertionError("no result for " + site.domain() + ": " + result));
        }
    }

    /** Destroys the site (all but its owner's account), freeing its port; fails the test unless it succeeded. */
    void destroy(Site site) {
        try (var deployments = open("")) {
            var result = (UnitResult.Finished) deployments.destroy(new DestroyRequest(site, ApplyOptions.defaults()), new Events());
            if (result.outcome() != RunOutcome.SUCCEEDED) {
                throw new AssertionError("destroy of " + site.domain() + " failed: " + result.summary());
            }
        }
    }

    HostOperations open(String faults) {
        var env = new HashMap<>(environment);
        env.put(HostOperations.FAULTS_VARIABLE, faults);
        return HostOperations.open(host, env, LocalMachine.of(host));
    }

    static TaskId task(Site site, String name) {
        return TaskId.of(site.domain(), name);
    }

    World world(Site... sites) {
        return World.capture(this, List.of(sites));
    }

    /** Waits until every site's app answers on its port (a rollback restarts without waiting). */
    void awaitServing(Site... sites) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (var site : sites) {
            while (!Loopback.get(host.proxy().listenAddress(), site.domain(), "/").startsWith("200")
                    && System.nanoTime() < deadline) {
                sleep(100);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Stops every app started under this host and its Caddy. */
    @Override
    public void close() {
        ExampleHostFixtures.stopApps(host);
    }

    static ProcessService service(Path pidFile) {
        return ExampleHostFixtures.service(pidFile);
    }

    static Path example() {
        return ExampleHostFixtures.example();
    }

    /** Remembers what a run did, for failure messages. */
    static final class Events implements RunListener {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void taskFailed(TaskId task, Duration elapsed, Throwable error) {
            lines.add("failed " + task + ": " + error.getMessage());
        }

        @Override
        public void undoFailed(TaskId task, Throwable error) {
            lines.add("undo failed " + task + ": " + error.getMessage());
        }

        @Override
        public String toString() {
            return String.join("\n", lines);
        }
    }
}
