package dev.alive.cli;

import dev.alive.engine.store.JournalEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--json", description = "Print one JSON document (formatVersion 1).")
    boolean json;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        try (var deployments = Session.open(context, host)) {
            var runs = new ArrayList<Map<String, Object>>();
            for (var run : deployments.history(domain, limit)) {
                var tasks = new ArrayList<Map<String, Object>>();
                for (var entry : deployments.stateStore().journal(run.runId())) {
                    if (entry.kind() == JournalEntry.Kind.UNDO_NOTE) {
                        continue;
                    }
                    var t = new LinkedHashMap<String, Object>();
                    t.put("task", entry.taskId().name());
                    t.put("event", entry.kind().name().toLowerCase(Locale.ROOT));
                    t.put("detail", entry.detail());
                    tasks.add(t);
                }
                var r = new LinkedHashMap<String, Object>();
                r.put("runId", run.runId());
                r.put("kind", run.kind().label());
                r.put("outcome", run.outcome().name().toLowerCase(Locale.ROOT));
                r.put("startedAt", String.valueOf(run.startedAt()));
                r.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
                r.put("summary", run.summary());
                r.put("events", tasks);
                runs.add(r);
            }
            if (json) {
                var doc = new LinkedHashMap<String, Object>();
                doc.put("formatVersion", 1);
                doc.put("site", domain);
                doc.put("runs", runs);
                Json.print(doc, context.out());
                return ExitCodes.OK;
            }
            if (runs.isEmpty()) {
                context.out().println("No runs of " + domain + ".");
            }
            for (var run : runs) {
                context.out().println(run.get("startedAt") + "  " + run.get("kind") + "  " + run.get("outcome")
                        + "  " + run.get("runId") + (run.get("summary") == null ? "" : "  " + run.get("summary")));
                for (var event : (java.util.List<?>) run.get("events")) {
                    var e = (Map<?, ?>) event;
                    context.out().println("    " + e.get("event") + " " + e.get("task")
                            + (e.get("detail") == null ? "" : ": " + e.get("detail")));
                }
            }
            context.out().flush();
            return ExitCodes.OK;
        }
    }
}
