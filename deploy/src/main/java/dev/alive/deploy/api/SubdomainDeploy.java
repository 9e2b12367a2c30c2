package dev.alive.deploy.api;

import dev.alive.engine.ApplyResult;
import dev.alive.engine.RunListener;
import dev.alive.engine.UnitResult;
import dev.alive.engine.error.AliveException;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.state.Accounts;
import dev.alive.state.Domains;
import dev.alive.tasks.OwnerPassword;
import dev.alive.tasks.system.BcryptPasswords;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web app's deploy-subdomain: checks the slug, the caller, the org and its site limit, then
 * applies the template's spec for {@code <slug>.<wildcardDomain>}. A failed apply is undone by
 * the engine, so it leaves nothing. A slug being deployed (by this process, or by any holder of
 * the store's lock) is DEPLOYMENT_IN_PROGRESS; a slug with a site is SLUG_TAKEN.
 */
public final class SubdomainDeploy {

    /** Runs the apply of one site with the owner's password (the host's operations). */
    public interface Applier {
        ApplyResult apply(Site site, OwnerPassword password, RunListener listener);
    }

    private final Host host;
    private final Accounts accounts;
    private final Domains domains;
    private final SubdomainTemplates templates;
    private final SubdomainSettings settings;
    private final Applier applier;
    private final BcryptPasswords passwords = new BcryptPasswords();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public SubdomainDeploy(Host host, Accounts accounts, Domains domains, SubdomainTemplates templates,
                           SubdomainSettings settings, Applier applier) {
        this.host = host;
        this.accounts = accounts;
        this.domains = domains;
        this.templates = templates;
        this.settings = settings;
        this.applier = applier;
    }

    public SubdomainOutcome deploy(SubdomainRequest request, RunListener listener) {
        var slugProblem = SubdomainRules.problem(request.slug());
        if (slugProblem.isPresent()) {
            return SubdomainOutcome.Refused.invalid("slug", slugProblem.get());
        }
        var templateId = request.templateId().orElse(settings.defaultTemplate());
        var spec = templates.specOf(templateId);
        if (spec.isEmpty()) {
            return SubdomainOutcome.Refused.invalid("templateId", "no template '" + templateId + "'");
        }
        var owner = owner(request);
        if (owner instanceof SubdomainOutcome.Refused refused) {
            return refused;
        }
        Site site;
        try {
            site = templates.site(spec.get(), SubdomainTemplates.domainOf(request.slug(), host), ((OwnerFound) owner).owner(), host);
        } catch (AliveException e) {
            return SubdomainOutcome.Refused.of(SubdomainError.DEPLOYMENT_FAILED, "template " + templateId + " is broken: "
                    + e.getMessage());
        }
        if (!inFlight.add(site.domain())) {
            return SubdomainOutcome.Refused.of(SubdomainError.DEPLOYMENT_IN_PROGRESS, site.domain() + " is being deployed right now");
        }
        try {
            return deploy(site, request.orgId(), listener);
        } finally {
            inFlight.remove(site.domain());
        }
    }

    private SubdomainOutcome deploy(Site site, Optional<UUID> orgId, RunListener listener) {
        if (domains.find(site.domain()).isPresent()) {
            return SubdomainOutcome.Refused.of(SubdomainError.SLUG_TAKEN, site.domain() + " already has a site");
        }
        if (orgId.isPresent()) {
            var limit = settings.limitOf(orgId.get());
            var count = domains.list(Optional.empty()).stream().filter(d -> orgId.get().equals(d.orgId())).count();
            if (count >= limit) {
                return new SubdomainOutcome.Refused(SubdomainError.SITE_LIMIT_EXCEEDED, "the org has " + count
                        + " sites, its limit is " + limit, Map.of("limit", limit, "currentCount", count));
            }
        }
        ApplyResult result;
        try {
            // the owner exists (checked above): the account task needs no password
            result = applier.apply(site, OwnerPassword.none(), listener);
        } catch (AliveException e) {
            return new SubdomainOutcome.Refused(SubdomainError.DEPLOYMENT_FAILED, "deploy of " + site.domain()
                    + " did not start: " + e.getMessage(), Map.of());
        }
        var unit = result.unit(site.domain()).orElseThrow();
        if (unit instanceof UnitResult.Locked) {
            return SubdomainOutcome.Refused.of(SubdomainError.DEPLOYMENT_IN_PROGRESS, site.domain() + " is being deployed right now");
        }
        if (unit instanceof UnitResult.Finished finished && result.succeeded()) {
            return new SubdomainOutcome.Deployed(site.domain(), orgId, finished.runId());
        }
        var details = new java.util.LinkedHashMap<String, Object>();
        var message = "deploy of " + site.domain() + " failed and was rolled back";
        if (unit instanceof UnitResult.Finished finished) {
            details.put("runId", finished.runId());
            finished.failure().ifPresent(failure -> {
                details.put("task", failure.task().toString());
                details.put("reason", failure.message());
            });
            if (result.rollbackIncomplete()) {
                details.put("rollbackIncomplete", true);
            }
        }
        return new SubdomainOutcome.Refused(SubdomainError.DEPLOYMENT_FAILED, message, details);
    }

    private record OwnerFound(Site.Owner owner) {
    }

    /** The site's owner: the org's first owner when an org is named, else the login's user. */
    private Object owner(SubdomainRequest request) {
        Optional<Accounts.User> caller = Optional.empty();
        if (request.credentials() instanceof SubdomainRequest.Credentials.OwnerLogin login) {
            var user = accounts.findUser(login.email());
            if (user.isEmpty() || !verifies(login.password(), user.get().passwordHash())) {
                return SubdomainOutcome.Refused.of(SubdomainError.UNAUTHORIZED, "wrong e-mail or password");
            }
            caller = user;
        }
        if (request.orgId().isEmpty()) {
            if (caller.isEmpty()) {
                return SubdomainOutcome.Refused.invalid("orgId", "orgId is required with a token: it names the org the site is for");
            }
            return new OwnerFound(new Site.Owner(caller.get().email(), caller.get().email() + "'s Organization"));
        }
        var orgId = request.orgId().get();
        var org = accounts.findOrg(orgId);
        if (org.isEmpty() || caller.isPresent() && accounts.role(orgId, caller.get().userId()).isEmpty()) {
            return SubdomainOutcome.Refused.of(SubdomainError.ORG_ACCESS_DENIED, "not a member of org " + orgId);
        }
        var orgOwner = accounts.firstOwner(orgId);
        if (orgOwner.isEmpty()) {
            return SubdomainOutcome.Refused.of(SubdomainError.ORG_ACCESS_DENIED, "org " + orgId + " has no owner");
        }
        return new OwnerFound(new Site.Owner(orgOwner.get().email(), org.get().name()));
    }

    private boolean verifies(String password, String hash) {
        try {
            return password != null && passwords.verify(password, hash);
        } catch (IllegalArgumentException notBcrypt) {
            return false;
        }
    }
}
