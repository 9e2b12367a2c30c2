package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.deploy.PlanRequest;
import dev.alive.deploy.SpecSet;
import dev.alive.deploy.document.PlanDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would do, and why. Runs nothing and changes nothing.",
        footer = {"", "Markers: + first run, ~ rerun, ? known after apply, - removed, = up to date.", "",
                "Example:", "  alive plan specs/examples/hello/site.yaml --detailed-exitcode"})
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1..*", paramLabel = "SPEC|DIR", description = "Site spec files, or folders of them.")
    List<Path> specs;

    @Mixin
    JsonOption json;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when none.")
    boolean detailedExitCode;

    @Option(names = {"-v", "--verbose"}, description = "List up-to-date tasks one by one.")
    boolean verbose;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var sites = SpecSet.load(specs, context.workingDir(), context.environment(), host);
        try (var operations = HostOperations.open(host, context.environment())) {
            var plan = operations.plan(new PlanRequest(sites, PasswordSource.environment()));
            if (json.wanted()) {
                JsonOption.print(PlanDocument.of(plan), context.out());
            } else {
                new PlanView(new Style(context.colors()), verbose).print(plan, context.out());
            }
            return ExitCodes.of(plan, detailedExitCode);
        }
    }
}
