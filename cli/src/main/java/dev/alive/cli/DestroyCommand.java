package dev.alive.cli;

import dev.alive.engine.ApplyOptions;
import dev.alive.engine.UnitResult;
import dev.alive.engine.store.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Remove everything alive made for a site; its owner's account stays.",
                "Release folders, service, proxy entry, env file, Linux user and port",
                "reservation go."},
        footer = {"", "Example:", "  alive destroy specs/examples/hello/site.yaml --dry-run"})
final class DestroyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1", paramLabel = "SPEC", description = "The site's spec file (or its folder).")
    Path spec;

    @Option(names = "--dry-run", description = "Only show what would be removed.")
    boolean dryRun;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var site = Session.loadSites(context, List.of(spec), host).get(0);
        var style = new Style(context.colors());
        try (var deployments = Session.open(context, host)) {
            var graph = deployments.graph(List.of(site), dev.alive.tasks.OwnerPassword.none());
            if (dryRun) {
                context.out().println("alive destroy would remove, in this order:");
                var tasks = new java.util.ArrayList<>(graph.tasksOf(site.domain()));
                java.util.Collections.reverse(tasks);
                tasks.forEach(task -> context.out().println("  - " + task.id()));
                context.out().println("Nothing was changed (dry run).");
                return ExitCodes.OK;
            }
            var result = deployments.destroy(site, ApplyOptions.defaults().withLockWait(Duration.ZERO),
                    new ApplyProgress(context.out(), style, false));
            if (result instanceof UnitResult.Locked locked) {
                context.err().println("alive: " + locked.unit() + " is locked by " + locked.holder().describe());
                return ExitCodes.LOCKED;
            }
            var finished = (UnitResult.Finished) result;
            if (finished.outcome() == RunOutcome.SUCCEEDED) {
                context.out().println(style.green("Destroyed " + site.domain() + "."));
                return ExitCodes.OK;
            }
            context.out().println(style.red("Destroy of " + site.domain() + " incomplete: " + finished.summary()));
            return ExitCodes.ROLLBACK_INCOMPLETE;
        }
    }
}
