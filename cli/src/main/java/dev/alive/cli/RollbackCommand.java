package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.RollbackRequest;
import dev.alive.deploy.RollbackResult;
import dev.alive.deploy.SpecSet;
import dev.alive.deploy.document.RollbackDocument;
import dev.alive.engine.ApplyOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    @Mixin
    JsonOption json;

    @Mixin
    LockWaitOption lockWait;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var site = SpecSet.load(List.of(spec), context.workingDir(), context.environment(), host).get(0);
        var style = new Style(context.colors());
        try (var operations = HostOperations.open(host, context.environment())) {
            var started = System.nanoTime();
            var request = new RollbackRequest(site, Optional.ofNullable(to), lockWait.applyTo(ApplyOptions.defaults()));
            var result = operations.rollback(request, new ApplyProgress(context.out(), style, json.wanted()));
            var elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (json.wanted()) {
                JsonOption.print(RollbackDocument.of(result, elapsed), context.out());
            } else if (result instanceof RollbackResult.RolledBack run) {
                new ApplyView(style).printProblems(run.result(), context.out(), context.err());
                context.out().println(run.result().succeeded()
                        ? style.green("Rolled back " + run.site() + " to release " + run.release() + " (was "
                                + run.previous() + ", " + ApplyProgress.seconds(elapsed) + ").")
                                + " The next apply returns it to what the spec says."
                        : style.red("Rollback of " + run.site() + " to " + run.release() + " failed; "
                                + (run.result().rollbackIncomplete() ? "see what is left behind above."
                                        : "release " + run.previous() + " is still current.")));
            } else {
                context.out().println("Release " + result.release() + " of " + result.site()
                        + " is already current; nothing to do.");
            }
            context.out().flush();
            return result instanceof RollbackResult.RolledBack run ? ExitCodes.of(run.result()) : ExitCodes.OK;
        }
    }
}
