package dev.alive.cli;

import dev.alive.deploy.HistoryRequest;
import dev.alive.deploy.HostOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "The runs of a site, newest first, with each task's outcome and reasons.",
        footer = {"", "Example:", "  alive history hello.alive.test --limit 5"})
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1", paramLabel = "DOMAIN")
    String domain;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var request = new HistoryRequest(domain, limit);
        try (var operations = HostOperations.open(host, context.environment())) {
            var history = operations.history(request);
            if (json.wanted()) {
                JsonOption.print(history, context.out());
                return ExitCodes.OK;
            }
            var out = context.out();
            if (history.runs().isEmpty()) {
                out.println("No runs of " + domain + ".");
            }
            for (var run : history.runs()) {
                out.println(run.startedAt() + "  " + run.kind() + "  " + run.outcome() + "  " + run.runId()
                        + (run.summary() == null ? "" : "  " + run.summary()));
                for (var event : run.events()) {
                    out.println("    " + event.event() + " " + event.task()
                            + (event.detail() == null ? "" : ": " + event.detail()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
