package dev.alive.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.RunLogRequest;
import dev.alive.deploy.StatusRequest;
import dev.alive.deploy.document.Document;
import dev.alive.deploy.document.JsonDocuments;
import dev.alive.engine.RunListener;
import dev.alive.engine.error.AliveException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code alive serve}: the server's one entry point. Serves deploy's operations as JSON over HTTP
 * (Javalin on Jetty), every endpoint behind {@link Authentication}. {@link #close} stops it
 * gracefully: no new runs, running ones finish (or are undone by the engine), then it stops.
 *
 * <pre>{@code
 * try (var operations = HostOperations.open(host, environment);
 *      var server = AliveServer.start(operations, ServeOptions.defaults(subdomains))) {
 *     server.awaitStop();
 * }
 * }</pre>
 */
public final class AliveServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AliveServer.class);
    /** A domain as the API accepts it in a path: a hostname, nothing else (no dots at the ends, no slashes). */
    static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Javalin app;
    private final RunGate runs = new RunGate();
    private final ServeOptions options;
    private final HostOperations operations;

    private AliveServer(HostOperations operations, ServeOptions options) {
        this.operations = operations;
        this.options = options;
        var authentication = new Authentication(operations.tokens(),
                new FailedLogins(options.failedLogins(), options.failedLoginWindow(), Clock.systemUTC()));
        var subdomains = new SubdomainRoute(operations.subdomains(options.subdomains()));
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JettyErrors());
                // graceful: a stop closes the connectors, then waits for the requests in flight to be answered
                server.setHandler(new StatisticsHandler());
                server.setStopTimeout(30_000);
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyErrors()));
        });
        app.before(authentication::check);
        app.get("/api/health", ctx -> json(ctx, 200, health()));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        app.get("/api/sites", ctx -> document(ctx, operations.status(new StatusRequest(Optional.empty(), false))));
        app.get("/api/sites/{domain}", ctx -> document(ctx, operations.status(new StatusRequest(Optional.of(knownDomain(ctx)), false))));
        app.get("/api/runs/{id}", ctx -> {
            var id = ctx.pathParam("id");
            var run = RUN_ID.matcher(id).matches() ? operations.stateStore().run(id) : Optional.<dev.alive.engine.store.RunRecord>empty();
            if (run.isEmpty()) {
                throw new ApiProblem(ApiError.of(404, "NOT_FOUND", "no run " + SubdomainRoute.printable(id)));
            }
            document(ctx, operations.history(new RunLogRequest(run.get().unit(), id)));
        });
        var sites = new SiteRoutes(operations, options.specs(), operations.environment());
        app.post("/api/sites/{domain}/plan", ctx -> document(ctx, sites.plan(domainOf(ctx))));
        app.post("/api/sites/{domain}/apply", ctx -> run(ctx, listener -> sites.apply(domainOf(ctx), listener)));
        app.post("/api/sites/{domain}/rollback", ctx -> {
            var to = Optional.ofNullable(ctx.queryParam("to")).filter(t -> !t.isBlank());
            run(ctx, listener -> sites.rollback(domainOf(ctx), to, listener));
        });
        app.delete("/api/sites/{domain}", ctx -> run(ctx, listener -> sites.destroy(domainOf(ctx), listener)));
        app.post(Authentication.OWNER_LOGIN_PATH, ctx -> {
            var request = SubdomainRoute.parse(JsonBody.read(ctx, options.maxBodyBytes()), Authentication.caller(ctx));
            if (!runs.enter()) {
                throw new ApiProblem(ApiError.of(503, "SHUTTING_DOWN", "the server is stopping and starts no new runs"));
            }
            try {
                json(ctx, 200, subdomains.deploy(request, RunListener.NONE));
            } catch (ApiProblem problem) {
                if (problem.error().status() == 401) {
                    authentication.loginFailed(ctx);
                }
                throw problem;
            } finally {
                runs.finished();
            }
        });
        app.exception(ApiProblem.class, (problem, ctx) -> json(ctx, problem.error().status(), problem.error().body()));
        app.exception(AliveException.class, (e, ctx) -> {
            var error = ApiError.of(e);
            json(ctx, error.status(), error.body());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            json(ctx, 500, ApiError.of(500, "INTERNAL", "the server failed: " + e.getClass().getSimpleName()).body());
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !"application/json".equals(ctx.res().getContentType())) {
                json(ctx, 404, ApiError.of(404, "NOT_FOUND", "no endpoint " + ctx.method() + " "
                        + SubdomainRoute.printable(ctx.path())).body());
            }
        });
        app.error(405, ctx -> json(ctx, 405, ApiError.of(405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed here").body()));
    }

    /** Starts listening on the options' address (port 0: a free one). */
    public static AliveServer start(HostOperations operations, ServeOptions options) {
        var server = new AliveServer(operations, options);
        server.app.start(options.host(), options.port());
        for (var connector : server.app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setIdleTimeout(options.idleTimeout().toMillis());
            }
        }
        LOG.info("alive serve listening on {}:{}", options.host(), server.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** Runs in progress. */
    public int runningRuns() {
        return runs.running();
    }

    /**
     * Stops: admits no new run, waits for the running ones (each finishes or is undone by the
     * engine) up to the drain timeout, then stops listening.
     */
    @Override
    public void close() {
        if (!runs.drain(options.drainTimeout())) {
            LOG.warn("stopping with {} runs still in progress after {}", runs.running(), options.drainTimeout());
        }
        app.stop();
    }

    private Map<String, Object> health() {
        var health = new LinkedHashMap<String, Object>();
        health.put("ok", true);
        health.put("host", operations.host().name());
        health.put("runningRuns", runs.running());
        health.put("stopping", runs.closed());
        return health;
    }

    /** Runs one change of a site, admitted by the run gate, its events published; answers its document. */
    private void run(Context ctx, java.util.function.Function<RunListener, Document> change) {
        if (!runs.enter()) {
            throw new ApiProblem(ApiError.of(503, "SHUTTING_DOWN", "the server is stopping and starts no new runs"));
        }
        try {
            document(ctx, change.apply(RunListener.NONE));
        } finally {
            runs.finished();
        }
    }

    private static String domainOf(Context ctx) {
        var domain = ctx.pathParam("domain");
        if (!DOMAIN.matcher(domain).matches() || domain.length() > 253) {
            throw new ApiProblem(ApiError.invalid("domain", "'" + SubdomainRoute.printable(domain) + "' is not a domain"));
        }
        return domain;
    }

    private String knownDomain(Context ctx) {
        var domain = domainOf(ctx);
        if (operations.domain(domain).isEmpty()) {
            throw new ApiProblem(ApiError.of(404, "NOT_FOUND", "no site " + domain));
        }
        return domain;
    }

    private static void document(Context ctx, Document document) {
        ctx.status(200).contentType("application/json").result(JsonDocuments.write(document));
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JsonBody.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String openApi() {
        try (InputStream in = AliveServer.class.getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
