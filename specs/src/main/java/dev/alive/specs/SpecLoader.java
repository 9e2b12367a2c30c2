package dev.alive.specs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one entry point for reading {@code kind: Site} specs and {@code kind: Host} profiles.
 *
 * <p>Every problem in a file is reported at once: a {@link SpecException} lists them as
 * {@code file:line:column: message}, each with the fix. Files over 1 MB are refused before parsing;
 * YAML is only composed into nodes (never constructed into objects), with few aliases and shallow
 * nesting allowed. {@code ${NAME}} references are checked against the environment given here.
 */
public final class SpecLoader {

    private final Map<String, String> environment;

    private SpecLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** A loader that reads {@code ${NAME}} references and ALIVE_TEMPLATE_ROOTS from this process's environment. */
    public static SpecLoader create() {
        return new SpecLoader(System.getenv());
    }

    public static SpecLoader withEnvironment(Map<String, String> environment) {
        return new SpecLoader(environment);
    }

    /** Loads and validates one site spec; throws {@link SpecException} listing every problem. */
    public Site loadSite(Path file) {
        return loadSite(file, TemplateLinks::escaping);
    }

    /**
     * Loads several specs, reporting the problems of all of them together, in the order of
     * {@code files}. The files are read in parallel, and a template shared by many specs (a fleet)
     * is checked for escaping symlinks once.
     */
    public List<Site> loadSites(Collection<Path> files) {
        Map<Path, List<String>> escapingByTemplate = new ConcurrentHashMap<>();
        Function<Path, List<String>> escapingLinks = template ->
                escapingByTemplate.computeIfAbsent(template, TemplateLinks::escaping);
        List<Loaded> loaded = files.parallelStream().map(file -> {
            try {
                return new Loaded(Optional.of(loadSite(file, escapingLinks)), List.<Problem>of());
            } catch (SpecException e) {
                return new Loaded(Optional.<Site>empty(), e.problems());
            }
        }).toList();
        List<Site> sites = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Loaded outcome : loaded) {
            outcome.site().ifPresent(sites::add);
            problems.addAll(outcome.problems());
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return sites;
    }

    /** One file of {@link #loadSites}: its site, or its problems. */
    private record Loaded(Optional<Site> site, List<Problem> problems) {
    }

    private Site loadSite(Path file, Function<Path, List<String>> escapingLinks) {
        Problems problems = new Problems(file);
        Optional<Site> site = document(file, "Site", problems).flatMap(node -> {
            Path absolute = file.toAbsolutePath().normalize();
            return new SiteReader(absolute, TemplateFolder.of(realFolder(absolute), environment, escapingLinks),
                    environment, problems).read(node);
        });
        problems.throwIfAny();
        return site.orElseThrow(() -> new IllegalStateException("no site and no problem for " + file));
    }

    /** Loads and validates one host profile file; throws {@link SpecException} listing every problem. */
    public Host loadHost(Path file) {
        Problems problems = new Problems(file);
        Optional<Host> host = document(file, "Host", problems)
                .flatMap(node -> new HostReader(file.toAbsolutePath().normalize(), environment, problems).read(node));
        problems.throwIfAny();
        return host.orElseThrow(() -> new IllegalStateException("no host and no problem for " + file));
    }

    /**
     * What is wrong with deploying this site on this host (a fixed port outside the host's range);
     * empty when nothing is. Positions come from the spec file as it is now.
     */
    public List<Problem> validateAgainst(Site site, Host host) {
        List<Problem> problems = new ArrayList<>();
        // an adopted site keeps the port it runs on, wherever the host's range lies
        if (site.port() instanceof Site.Port.Fixed fixed && !host.ports().contains(fixed.port()) && !site.isAsIs()) {
            int[] place = SpecPositions.valueOf(site.specFile(), "port");
            problems.add(new Problem(site.specFile(), place[0], place[1], "port " + fixed.port()
                    + " is outside the host's range " + host.ports() + " (host profile '" + host.name()
                    + "'); pick a port from " + host.ports() + " or write port: auto"));
        }
        return problems;
    }

    private static Optional<Node> document(Path file, String kind, Problems problems) {
        Optional<Node> node = YamlSource.compose(file, problems);
        if (node.isEmpty() && problems.isEmpty()) {
            problems.at(1, 1, "file is empty; a " + (kind.equals("Site") ? "site spec" : "host profile")
                    + " starts with the lines 'apiVersion: " + SpecHeader.API_VERSION + "' and 'kind: " + kind + "'");
        }
        return node;
    }

    private static Path realFolder(Path specFile) {
        try {
            return specFile.getParent().toRealPath();
        } catch (IOException e) {
            return specFile.getParent();
        }
    }
}
