package dev.alive.deploy.api;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web app's rules for a subdomain's slug, in one place: the pattern, and the names the
 * platform keeps for itself.
 */
public final class SubdomainRules {

    /** The slug pattern of the web app's contract. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{1,14}[a-z0-9])?$");

    /** Names no site may have: the platform's own hosts and words people would mistake for it. */
    public static final Set<String> RESERVED = Set.of(
            "api", "admin", "www", "mail", "smtp", "imap", "pop", "ftp", "ssh", "dns", "ns1", "ns2", "mx",
            "app", "dashboard", "status", "auth", "login", "account", "billing", "support", "help", "docs",
            "blog", "cdn", "static", "assets", "files", "dev", "staging", "test", "localhost", "root", "alive",
            "terminal", "chat", "preview", "webhook", "webhooks");

    private SubdomainRules() {
    }

    /** What is wrong with the slug, if anything (a message naming the rule). */
    public static Optional<String> problem(String slug) {
        if (slug == null || slug.isEmpty()) {
            return Optional.of("slug is required");
        }
        if (!SLUG.matcher(slug).matches()) {
            return Optional.of("slug must be 1 to 16 lower-case ASCII letters, digits or inner hyphens (" + SLUG.pattern() + ")");
        }
        if (RESERVED.contains(slug)) {
            return Optional.of("slug '" + slug + "' is reserved");
        }
        return Optional.empty();
    }
}
