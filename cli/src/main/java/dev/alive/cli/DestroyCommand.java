package dev.alive.cli;

import dev.alive.deploy.DestroyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.SpecSet;
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

    @Option(names = "--force", description = {"Also destroy a site adopted by import legacy (layout as-is),",
            "which is protected otherwise: alive forgets it and releases its port; the legacy",
            "site's files, unit and Caddy block stay."})
    boolean force;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var site = SpecSet.load(List.of(spec), context.workingDir(), context.environment(), host).get(0);
        var style = new Style(context.colors());
        try (var operations = HostOperations.open(host, context.environment())) {
            if (dryRun) {
                context.out().println("alive destroy would remove, in this order:");
                operations.destroyPlan(site).removalOrder().forEach(task -> context.out().println("  - " + task));
                context.out().println("Nothing was changed (dry run).");
                return ExitCodes.OK;
            }
            var request = new DestroyRequest(site, ApplyOptions.defaults().withLockWait(Duration.ZERO), force);
            var result = operations.destroy(request, new ApplyProgress(context.out(), style, false));
            if (result instanceof UnitResult.Locked locked) {
                context.err().println("alive: " + locked.unit() + " is locked by " + locked.holder().describe());
            } else if (((UnitResult.Finished) result).outcome() == RunOutcome.SUCCEEDED) {
                context.out().println(style.green("Destroyed " + site.domain() + "."));
            } else {
                context.out().println(style.red("Destroy of " + site.domain() + " incomplete: "
                        + ((UnitResult.Finished) result).summary()));
            }
            return ExitCodes.ofDestroy(result);
        }
    }
}
