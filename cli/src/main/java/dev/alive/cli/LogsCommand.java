package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.LogsRequest;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Show what a site's app prints: the journal of its unit site@<slug>.service (services:"
                + " systemd, lines as journalctl's short-iso prints them), or its log file"
                + " <root>/services/<slug>.log (services: process, lines as the app wrote them).",
                "The build and install output of a run is kept with the run instead: alive history DOMAIN"
                        + " --run ID --log."},
        footer = {"", "Without --lines or --since: the last " + LogsRequest.DEFAULT_LINES + " lines. --since needs"
                + " times, which only the journal has: a process site's log file refuses it.",
                "--follow stops at Ctrl-C (exit 130) or when the reader of its output goes (a closed pipe).",
                "", "Examples:", "  alive logs hello.alive.test --lines 20",
                "  alive logs hello.alive.test --since 10m --follow"})
final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1", paramLabel = "DOMAIN")
    String domain;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", description = "At most the last N lines (1 or more).")
    Integer lines;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "Only lines written in the last DURATION: 10m, 1h30m, 45s, 500ms (systemd sites).")
    String since;

    @Option(names = {"-f", "--follow"}, description = "Then print new lines as they are written, until interrupted.")
    boolean follow;

    @Override
    public Integer call() {
        var context = main.context();
        var request = new LogsRequest(domain, lines == null ? OptionalInt.empty() : OptionalInt.of(lines),
                Optional.ofNullable(since).map(LogsRequest::parseSince), follow);
        var host = hostOption.resolve(context);
        request.checkFor(host);
        var out = context.out();
        try (var operations = HostOperations.open(host, context.environment())) {
            var result = operations.logs(request, line -> {
                out.println(line);
                if (follow) {
                    out.flush();
                }
                return !out.checkError();
            });
            out.flush();
            if (result.lines() == 0 && !follow) {
                context.err().println("No log lines of " + domain + " in " + result.source() + ".");
            }
            return ExitCodes.OK;
        }
    }
}
