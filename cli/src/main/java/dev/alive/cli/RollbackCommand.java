package dev.alive.cli;

import dev.alive.engine.ApplyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Make a retained earlier release of a site current again.",
                "A run of its own: current is pointed at the release, the service restarted",
                "and its health checked; a failure is undone. The next apply returns the site",
                "to what its spec says."},
        footer = {"", "Takes the site's spec (as last applied): it says how the service starts",
                "and is checked. Without --to: the newest retained release other than the",
                "current one (alive releases lists them).",
                "", "Examples:", "  alive rollback specs/examples/hello/site.yaml",
                "  alive rollback specs/examples/hello/site.yaml --to 3f2a9c01b7e4"})
final class RollbackCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1", paramLabel = "SPEC", description = "The site's spec file (or its folder).")
    Path spec;

    @Option(names = "--to", paramLabel = "RELEASE", description = "The release to make current (see alive releases).")
    String to;

    @Option(names = "--json", description = "Print one JSON document (formatVersion 1) instead of progress.")
    boolean json;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long for a site locked by another run (default: refuse at once).")
    long lockWaitSeconds;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var site = Session.loadSites(context, List.of(spec), host).get(0);
        var style = new Style(context.colors());
        try (var deployments = Session.open(context, host)) {
            var retained = RetainedReleases.of(deployments.paths(site.domain()));
            var previous = retained.current().map(RetainedReleases.Release::id).orElse(null);
            var target = to != null
                    ? retained.find(to).orElseThrow(() -> new CliException("release " + to + " of " + site.domain()
                            + " is not retained; alive releases " + site.domain() + " lists those that are"))
                    : retained.previous().orElseThrow(() -> new CliException("no earlier release of " + site.domain()
                            + " is retained in " + retained.paths().releasesDir()));
            if (target.current()) {
                return alreadyCurrent(context, site.domain(), target.id());
            }
            var started = System.nanoTime();
            var options = ApplyOptions.defaults().withLockWait(Duration.ofSeconds(lockWaitSeconds));
            var result = deployments.rollback(site, target.id(), options, new ApplyProgress(context.out(), style, json));
            var elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (json) {
                var doc = new LinkedHashMap<String, Object>(ApplyView.json(result, elapsed));
                doc.put("release", target.id());
                doc.put("previous", previous);
                Json.print(doc, context.out());
            } else {
                var view = new ApplyView(style);
                view.printProblems(result, context.out(), context.err());
                context.out().println(result.succeeded()
                        ? style.green("Rolled back " + site.domain() + " to release " + target.id() + " (was "
                                + previous + ", " + ApplyProgress.seconds(elapsed) + ").")
                                + " The next apply returns it to what the spec says."
                        : style.red("Rollback of " + site.domain() + " to " + target.id() + " failed; "
                                + (result.rollbackIncomplete() ? "see what is left behind above."
                                        : "release " + previous + " is still current.")));
                context.out().flush();
            }
            return ExitCodes.of(result);
        }
    }

    private int alreadyCurrent(CliContext context, String domain, String release) {
        if (json) {
            var doc = new LinkedHashMap<String, Object>();
            doc.put("formatVersion", 1);
            doc.put("succeeded", true);
            doc.put("release", release);
            doc.put("previous", release);
            doc.put("sites", List.of());
            Json.print(doc, context.out());
        } else {
            context.out().println("Release " + release + " of " + domain + " is already current; nothing to do.");
            context.out().flush();
        }
        return ExitCodes.OK;
    }
}
