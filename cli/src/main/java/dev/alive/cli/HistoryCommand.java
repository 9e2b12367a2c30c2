package dev.alive.cli;

import dev.alive.deploy.HistoryRequest;
import dev.alive.deploy.HistoryResult;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.RunLogRequest;
import dev.alive.deploy.RunLogResult;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import dev.alive.engine.store.RunLog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The runs of a site, newest first, with each task's outcome and reasons.",
                "With --run ID, only that run; with --log too, the output its tasks printed (install, build,"
                        + " undo), kept with the run: its last " + RunLog.MAX_LINES + " lines, at most "
                        + RunLog.MAX_BYTES / 1024 + " KiB, secrets shown as ***."},
        footer = {"", "Examples:", "  alive history hello.alive.test --limit 5",
                "  alive history hello.alive.test --run 20250102T030405Z-1a2b3c4d --log"})
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1", paramLabel = "DOMAIN")
    String domain;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--run", paramLabel = "ID", description = "Only this run (its id as history lists it).")
    String run;

    @Option(names = "--log", description = "The run's output instead of its events (needs --run).")
    boolean log;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        var context = main.context();
        if (log && run == null) {
            throw new AliveException(ErrorCategory.USAGE, "--log needs --run ID: alive history " + domain
                    + " lists the runs and their ids");
        }
        var runRequest = run == null ? null : new RunLogRequest(domain, run);
        var request = new HistoryRequest(domain, limit);
        var host = hostOption.resolve(context);
        try (var operations = HostOperations.open(host, context.environment())) {
            if (log) {
                var output = operations.runLog(runRequest);
                if (json.wanted()) {
                    JsonOption.print(output, context.out());
                } else {
                    printLog(output, context.out());
                }
                return ExitCodes.OK;
            }
            var history = runRequest == null ? operations.history(request) : operations.history(runRequest);
            if (json.wanted()) {
                JsonOption.print(history, context.out());
            } else {
                printRuns(history, context.out());
            }
            return ExitCodes.OK;
        }
    }

    private void printRuns(HistoryResult history, PrintWriter out) {
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
    }

    /** Each line after its task's name, the names padded to one width. */
    private static void printLog(RunLogResult output, PrintWriter out) {
        out.println(output.site() + "  " + output.kind() + "  " + output.outcome() + "  " + output.runId());
        if (output.droppedLines() > 0) {
            out.println("(" + output.droppedLines() + " earlier lines not kept: a run keeps its last "
                    + RunLog.MAX_LINES + " lines, at most " + RunLog.MAX_BYTES / 1024 + " KiB)");
        }
        if (output.lines().isEmpty()) {
            out.println("(no output)");
        }
        int width = output.lines().stream().mapToInt(line -> line.task().length()).max().orElse(0);
        for (var line : output.lines()) {
            out.println(line.task() + " ".repeat(width - line.task().length()) + "  " + line.text());
        }
        out.flush();
    }
}
