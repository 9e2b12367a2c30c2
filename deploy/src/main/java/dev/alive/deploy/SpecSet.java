package dev.alive.deploy;

import dev.alive.specs.Host;
import dev.alive.specs.Problem;
import dev.alive.specs.Site;
import dev.alive.specs.SpecException;
import dev.alive.specs.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The sites of one operation, read from SPEC|DIR arguments and checked together before anything is opened. */
public final class SpecSet {

    private SpecSet() {
    }

    /**
     * Loads and validates the specs the arguments name (see {@link SpecArguments}), with the
     * environment's values for {@code ${NAME}}, also against the host's limits, and no domain
     * twice. Every problem is reported at once, as one {@link SpecException}.
     */
    public static List<Site> load(List<Path> arguments, Path workingDir, Map<String, String> environment, Host host) {
        var loader = SpecLoader.withEnvironment(environment);
        var sites = loader.loadSites(SpecArguments.resolve(arguments, workingDir));
        var problems = new ArrayList<Problem>();
        var domains = new HashSet<String>();
        for (var site : sites) {
            problems.addAll(loader.validateAgainst(site, host));
            if (!domains.add(site.domain())) {
                problems.add(Problem.inFile(site.specFile(), "domain " + site.domain()
                        + " is deployed by another spec of this apply too: give each site its own domain"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        return sites;
    }

    /**
     * The spec of {@code domain} among the specs {@code specs} names (a fleet folder, for the
     * server), loaded and checked as {@link #load} does; empty when none deploys that domain.
     */
    public static java.util.Optional<Site> site(Path specs, String domain, Path workingDir, Map<String, String> environment,
                                                Host host) {
        return load(List.of(specs), workingDir, environment, host).stream().filter(site -> site.domain().equals(domain))
                .findFirst();
    }
}
