package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.StatusRequest;
import dev.alive.deploy.StatusResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List sites with their port, current release, and last run.",
        footer = {"", "Example:", "  alive status hello.alive.test --json"})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "0..1", paramLabel = "DOMAIN", description = "Only this site.")
    String domain;

    @Mixin
    JsonOption json;

    @Option(names = "--all-hosts", description = "Sites of every host sharing this state store.")
    boolean allHosts;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        try (var operations = HostOperations.open(host, context.environment())) {
            var status = operations.status(new StatusRequest(Optional.ofNullable(domain), allHosts));
            if (json.wanted()) {
                JsonOption.print(status, context.out());
            } else {
                printTable(status, context);
            }
            return ExitCodes.OK;
        }
    }

    private static void printTable(StatusResult status, CliContext context) {
        var out = context.out();
        if (status.sites().isEmpty()) {
            out.println("No sites.");
            return;
        }
        var format = "%-32s %-6s %-8s %-14s %s%n";
        out.printf(format, "DOMAIN", "PORT", "STATUS", "RELEASE", "LAST RUN");
        for (var site : status.sites()) {
            out.printf(format, site.domain(), site.port(), site.status(),
                    site.release() == null ? "-" : site.release(),
                    site.lastOutcome() == null ? "-" : site.lastOutcome() + " " + site.lastRunAt());
        }
        out.flush();
    }
}
