package dev.alive.server;

import dev.alive.deploy.ApplyRequest;
import dev.alive.deploy.DestroyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.deploy.PlanRequest;
import dev.alive.deploy.RollbackRequest;
import dev.alive.deploy.SpecSet;
import dev.alive.deploy.document.ApplyDocument;
import dev.alive.deploy.document.Document;
import dev.alive.deploy.document.PlanDocument;
import dev.alive.deploy.document.RollbackDocument;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.ApplyResult;
import dev.alive.engine.RunListener;
import dev.alive.specs.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plan, apply, rollback and destroy of one site by domain, from the spec of that domain in the
 * server's spec folder ({@code --specs}), answering the CLI's --json documents. Redeploys need no
 * owner's password (a site new to its owner is deploy-subdomain's job, or the CLI's).
 */
final class SiteRoutes {
    private final HostOperations operations;
    private final Optional<Path> specs;
    private final Map<String, String> environment;

    SiteRoutes(HostOperations operations, Optional<Path> specs, Map<String, String> environment) {
        this.operations = operations;
        this.specs = specs;
        this.environment = Map.copyOf(environment);
    }

    Document plan(String domain) {
        return PlanDocument.of(operations.plan(new PlanRequest(List.of(site(domain)), PasswordSource.none())));
    }

    Document apply(String domain, RunListener listener) {
        long started = System.nanoTime();
        var result = operations.apply(new ApplyRequest(List.of(site(domain)), PasswordSource.none(), ApplyOptions.defaults()),
                listener);
        return ApplyDocument.of(result, elapsed(started));
    }

    Document rollback(String domain, Optional<String> to, RunListener listener) {
        long started = System.nanoTime();
        var result = operations.rollback(new RollbackRequest(site(domain), to, ApplyOptions.defaults()), listener);
        return RollbackDocument.of(result, elapsed(started));
    }

    Document destroy(String domain, RunListener listener) {
        long started = System.nanoTime();
        var unit = operations.destroy(new DestroyRequest(site(domain), ApplyOptions.defaults()), listener);
        return ApplyDocument.of(new ApplyResult(List.of(unit)), elapsed(started));
    }

    private Site site(String domain) {
        var folder = specs.orElseThrow(() -> new ApiProblem(ApiError.of(404, "NOT_FOUND", "this server has no spec folder"
                + " (alive serve --specs DIR), so it cannot plan or change " + domain)));
        return SpecSet.site(folder, domain, folder, environment, operations.host())
                .orElseThrow(() -> new ApiProblem(ApiError.of(404, "NOT_FOUND", "no spec of " + domain + " in " + folder)));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
