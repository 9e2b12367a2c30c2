package dev.alive.specs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code kind: Site} spec: what the operator wants for one site. Paths are absolute.
 *
 * <p>An {@link SiteLayout.AsIs as-is} site (adopted by {@code alive import legacy}) has no owner
 * unless the spec names one; its {@code template} is the live app folder and its {@code app.start}
 * the unit's ExecStart, both taken from the layout: its tasks only read and record them.
 *
 * @param specFile the YAML file it was loaded from
 * @param declaredOwner the owner the spec names (always present for {@link SiteLayout.Releases})
 * @param template the template directory (absolute, resolved against the spec file's folder)
 * @param layout how the site lies on the host: alive's releases, or adopted as it is
 */
public record Site(
        Path specFile,
        String domain,
        Optional<Owner> declaredOwner,
        Path template,
        App app,
        Health health,
        Port port,
        SiteLayout layout) {

    /** A site of alive's own layout. */
    public Site(Path specFile, String domain, Owner owner, Path template, App app, Health health, Port port) {
        this(specFile, domain, Optional.of(owner), template, app, health, port, new SiteLayout.Releases());
    }

    /** The owner; only an as-is site may have none. */
    public Owner owner() {
        return declaredOwner.orElseThrow(() -> new IllegalStateException("the as-is site " + domain
                + " names no owner: add owner: to its spec"));
    }

    /** True for a site adopted where it stands ({@link SiteLayout.AsIs}): alive records it, never changes it. */
    public boolean isAsIs() {
        return layout instanceof SiteLayout.AsIs;
    }

    /** @param org the organisation name; the loader fills in the default "<email>'s Organization" */
    public record Owner(String email, String org) {
    }

    /**
     * @param root folder inside the template holding the app ("." for the template itself)
     * @param env app environment, in spec order
     */
    public record App(String root, Optional<String> install, Optional<Build> build, String start,
                      Map<String, EnvValue> env) {
    }

    public record Build(String command, List<String> outputs) {
    }

    /** An env value: a literal, or {@code ${NAME}} taken from alive's environment (a secret). */
    public sealed interface EnvValue {
        record Literal(String value) implements EnvValue {
        }

        record FromEnvironment(String variable) implements EnvValue {
        }
    }

    public record Health(String path, Duration timeout) {
    }

    /** The port: chosen by alive (lowest free in the host's range) or fixed by the spec. */
    public sealed interface Port {
        record Auto() implements Port {
        }

        record Fixed(int port) implements Port {
        }
    }

    /** This site's slug: an as-is site's as its layout read it, else {@link #slugOf the domain's}. */
    public String slug() {
        return layout instanceof SiteLayout.AsIs asIs ? asIs.slug() : slugOf(domain);
    }

    /** The domain with every run of characters outside [a-z0-9] replaced by '-' (the as-is rule). */
    public static String slugOf(String domain) {
        return domain.replaceAll("[^a-z0-9]+", "-");
    }
}
