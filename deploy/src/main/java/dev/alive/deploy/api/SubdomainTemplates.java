package dev.alive.deploy.api;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.specs.Host;
import dev.alive.specs.Site;
import dev.alive.specs.SpecException;
import dev.alive.specs.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the spec of a new subdomain from a template: {@code <templates>/<id>/site.yaml}, loaded
 * as any spec (its template folder, app, health), with the subdomain's domain and owner put in.
 */
public final class SubdomainTemplates {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Path templates;
    private final Map<String, String> environment;

    public SubdomainTemplates(Path templates, Map<String, String> environment) {
        this.templates = templates;
        this.environment = Map.copyOf(environment);
    }

    /** The template's spec file, if the id names one (never a path outside the templates folder). */
    public Optional<Path> specOf(String templateId) {
        if (templateId == null || !ID.matcher(templateId).matches()) {
            return Optional.empty();
        }
        var file = templates.resolve(templateId).resolve("site.yaml");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The site of {@code domain} from the template's spec file, owned by {@code owner}. */
    public Site site(Path spec, String domain, Site.Owner owner, Host host) {
        var loader = SpecLoader.withEnvironment(environment);
        var template = loader.loadSite(spec);
        var site = new Site(template.specFile(), domain, owner, template.template(), template.app(), template.health(),
                new Site.Port.Auto());
        var problems = loader.validateAgainst(site, host);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return site;
    }

    /** {@code <slug>.<wildcardDomain>}; a host without a wildcard domain cannot have subdomains. */
    public static String domainOf(String slug, Host host) {
        return slug + "." + host.wildcardDomain().orElseThrow(() -> new AliveException(ErrorCategory.INVALID_INPUT,
                "host " + host.name() + " has no wildcardDomain: deploy-subdomain needs one in the host profile"));
    }
}
