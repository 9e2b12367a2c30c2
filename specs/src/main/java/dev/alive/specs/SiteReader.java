package dev.alive.specs;

import dev.alive.specs.Site.Health;
import dev.alive.specs.Site.Owner;
import dev.alive.specs.Site.Port;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Turns the node tree of a {@code kind: Site} file into a {@link Site}, collecting every problem. */
final class SiteReader {

    static final String DEFAULT_HEALTH_PATH = "/";
    static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_HEALTH_TIMEOUT = Duration.ofHours(1);

    private final Path specFile;
    private final TemplateFolder templates;
    private final Map<String, String> environment;
    private final Problems problems;

    SiteReader(Path specFile, TemplateFolder templates, Map<String, String> environment, Problems problems) {
        this.specFile = specFile;
        this.templates = templates;
        this.environment = environment;
        this.problems = problems;
    }

    Optional<Site> read(Node root) {
        PlainYaml.check(root, problems);
        Optional<Fields> found = Fields.root(root, SpecKeys.SITE, problems);
        if (found.isEmpty() || SpecHeader.isOtherKind(found.get(), "Site", problems)) {
            return Optional.empty();
        }
        Fields top = found.get();
        top.checkKeys();
        SpecHeader.check(top, "Site", problems);
        Optional<String> domain = top.required("domain", "the site's DNS name, e.g. domain: hello.example.com")
                .flatMap(this::domain);
        Optional<SiteLayout> layout = top.has("layout")
                ? top.mapping("layout").flatMap(fields -> new LayoutReader(problems).read(fields))
                : Optional.of(new SiteLayout.Releases());
        if (top.value("layout").filter(LayoutReader::saysAsIs).isPresent()) {
            return asIs(top, domain, layout.filter(SiteLayout.AsIs.class::isInstance).map(SiteLayout.AsIs.class::cast));
        }
        Optional<Owner> owner = owner(top);
        Optional<Path> template = top.required("template",
                "the folder holding the site's files, relative to this file, e.g. template: ./template")
                .flatMap(node -> templates.resolve(node, problems));
        Optional<Site.App> app = top.has("app")
                ? top.mapping("app")
                        .flatMap(fields -> new AppReader(templates, environment, problems).read(fields, template))
                : missing(top, "app", "write app: with at least start: (the command serving the site on $PORT)");
        Optional<Health> health = healthOf(top);
        Optional<Port> port = top.scalar("port").map(this::port).orElse(Optional.of(new Port.Auto()));
        if (!problems.isEmpty() || domain.isEmpty() || owner.isEmpty() || template.isEmpty() || app.isEmpty()
                || health.isEmpty() || port.isEmpty() || layout.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Site(specFile, domain.get(), Optional.of(owner.get()), template.get(), app.get(),
                health.get(), port.get(), layout.get()));
    }

    /**
     * An as-is site: the owner only when the spec names one, a fixed port, no template or app (it
     * runs from its workspace and unit; its template is the live app folder, its start the unit).
     */
    private Optional<Site> asIs(Fields top, Optional<String> domain, Optional<SiteLayout.AsIs> layout) {
        for (String key : java.util.List.of("template", "app")) {
            top.keyNode(key).ifPresent(node -> problems.at(node, key + " belongs to layout kind: releases; an as-is"
                    + " site runs from its workspace: remove " + key + ", or switch layout.kind to releases"));
        }
        Optional<Optional<Owner>> owner = top.has("owner") ? owner(top).map(Optional::of) : Optional.of(Optional.empty());
        Optional<Port> port = top.required("port", "an as-is site keeps the port it runs on, e.g. port: 3333")
                .flatMap(this::port);
        if (port.isPresent() && !(port.get() instanceof Port.Fixed)) {
            top.value("port").ifPresent(node -> problems.at(node,
                    "port of an as-is site must be the number it runs on, not auto"));
        }
        Optional<Health> health = healthOf(top);
        if (!problems.isEmpty() || domain.isEmpty() || owner.isEmpty() || port.isEmpty() || health.isEmpty()
                || layout.isEmpty()) {
            return Optional.empty();
        }
        var app = new Site.App(".", Optional.empty(), Optional.empty(), layout.get().unit(), Map.of());
        return Optional.of(new Site(specFile, domain.get(), owner.get(), layout.get().appDir(), app, health.get(),
                port.get(), layout.get()));
    }

    private Optional<Health> healthOf(Fields top) {
        return top.has("health") ? top.mapping("health").flatMap(this::health)
                : Optional.of(new Health(DEFAULT_HEALTH_PATH, DEFAULT_HEALTH_TIMEOUT));
    }

    private Optional<String> domain(ScalarNode node) {
        Optional<String> problem = DomainNames.problem(node.getValue());
        problem.ifPresent(message -> problems.at(node, "domain " + message));
        return problem.isPresent() ? Optional.empty() : Optional.of(node.getValue());
    }

    private Optional<Owner> owner(Fields top) {
        if (!top.has("owner")) {
            return missing(top, "owner", "write owner: with email: (and optionally org:)");
        }
        return top.mapping("owner").flatMap(owner -> {
            Optional<String> email = owner.required("email", "the owner's address, e.g. email: owner@example.com")
                    .flatMap(node -> {
                        Optional<String> problem = EmailAddresses.problem(node.getValue());
                        problem.ifPresent(message -> problems.at(node, "owner.email " + message));
                        return problem.isPresent() ? Optional.empty() : Optional.of(node.getValue());
                    });
            Optional<String> org = owner.scalar("org").map(this::org)
                    .orElseGet(() -> email.map(address -> address + "'s Organization"));
            return email.isPresent() && org.isPresent() ? Optional.of(new Owner(email.get(), org.get()))
                    : Optional.empty();
        });
    }

    private Optional<String> org(ScalarNode node) {
        String org = node.getValue().trim();
        if (org.isEmpty() || Texts.hasControlCharacter(org) || org.length() > 200) {
            problems.at(node, "owner.org must be one line of 1-200 characters; remove it for the default"
                    + " \"<email>'s Organization\"");
            return Optional.empty();
        }
        return Optional.of(org);
    }

    private Optional<Health> health(Fields health) {
        Optional<String> path = health.scalar("path").map(this::healthPath).orElse(Optional.of(DEFAULT_HEALTH_PATH));
        Optional<Duration> timeout = health.scalar("timeout").map(this::timeout)
                .orElse(Optional.of(DEFAULT_HEALTH_TIMEOUT));
        return path.isPresent() && timeout.isPresent() ? Optional.of(new Health(path.get(), timeout.get()))
                : Optional.empty();
    }

    private Optional<String> healthPath(ScalarNode node) {
        String value = node.getValue();
        if (!value.matches("/[\\x21-\\x7e]*")) {
            problems.at(node, "health.path " + Texts.quote(value)
                    + " must be a URL path starting with '/', without spaces, e.g. /health");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<Duration> timeout(ScalarNode node) {
        Optional<Duration> parsed = Durations.parse(node.getValue());
        if (parsed.isEmpty()) {
            String written = node.getValue().trim();
            String unit = written.matches("[0-9]+") ? "; add a unit: '" + written + "s'" : "";
            problems.at(node, "health.timeout: expected a duration like 30s or 2m, got " + Texts.describe(node) + unit);
        } else if (parsed.get().compareTo(Duration.ofSeconds(1)) < 0
                || parsed.get().compareTo(MAX_HEALTH_TIMEOUT) > 0) {
            problems.at(node, "health.timeout " + node.getValue().trim() + " is out of range; expected 1s to 1h");
            return Optional.empty();
        }
        return parsed;
    }

    private Optional<Port> port(ScalarNode node) {
        String value = node.getValue().trim();
        if (value.equals("auto")) {
            return Optional.of(new Port.Auto());
        }
        if (!value.matches("[0-9]{1,9}")) {
            problems.at(node, "port: expected a number or 'auto', got " + Texts.describe(node));
            return Optional.empty();
        }
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
            problems.at(node, "port " + port + " is not a TCP port; write a number from 1 to 65535, or 'auto'");
            return Optional.empty();
        }
        return Optional.of(new Port.Fixed(port));
    }

    private <T> Optional<T> missing(Fields fields, String key, String hint) {
        fields.missing(key, hint);
        return Optional.empty();
    }
}
