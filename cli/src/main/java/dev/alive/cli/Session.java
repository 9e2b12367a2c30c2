package dev.alive.cli;

import dev.alive.specs.Host;
import dev.alive.specs.Problem;
import dev.alive.specs.Site;
import dev.alive.specs.SpecException;
import dev.alive.specs.SpecLoader;
import dev.alive.tasks.Deployments;
import dev.alive.tasks.host.LocalMachine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The steps every command shares: read the specs and the host, then open the host's deployments. */
final class Session {

    private Session() {
    }

    /** Loads and validates the specs (all problems at once), also against the host's limits. */
    static List<Site> loadSites(CliContext context, List<Path> arguments, Host host) {
        var loader = SpecLoader.withEnvironment(context.environment());
        var sites = loader.loadSites(SpecFiles.resolve(arguments, context.workingDir()));
        var problems = new ArrayList<Problem>();
        var domains = new java.util.HashSet<String>();
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

    static Deployments open(CliContext context, Host host) {
        return Deployments.open(host, context.environment(), LocalMachine.of(host));
    }
}
