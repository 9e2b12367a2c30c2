package dev.alive.cli;

import dev.alive.engine.store.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--json", description = "Print one JSON document (formatVersion 1).")
    boolean json;

    @Option(names = "--all-hosts", description = "Sites of every host sharing this state store.")
    boolean allHosts;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        try (var deployments = Session.open(context, host)) {
            var rows = new ArrayList<Map<String, Object>>();
            var domains = deployments.domains(allHosts).stream()
                    .filter(d -> domain == null || d.hostname().equals(domain))
                    .toList();
            if (domain != null && domains.isEmpty()) {
                throw new CliException("no site " + domain + " on host " + host.name());
            }
            for (var d : domains) {
                var row = new LinkedHashMap<String, Object>();
                row.put("domain", d.hostname());
                row.put("host", d.host());
                row.put("port", d.port());
                row.put("status", d.status());
                row.put("release", d.currentRelease());
                var last = deployments.history(d.hostname(), 1).stream().findFirst();
                row.put("lastRun", last.map(RunRecord::runId).orElse(null));
                row.put("lastOutcome", last.map(r -> r.outcome().name().toLowerCase(Locale.ROOT)).orElse(null));
                row.put("lastRunAt", last.map(r -> String.valueOf(r.startedAt())).orElse(null));
                rows.add(row);
            }
            if (json) {
                var doc = new LinkedHashMap<String, Object>();
                doc.put("formatVersion", 1);
                doc.put("sites", rows);
                Json.print(doc, context.out());
            } else {
                printTable(rows, context);
            }
            return ExitCodes.OK;
        }
    }

    private static void printTable(List<Map<String, Object>> rows, CliContext context) {
        var out = context.out();
        if (rows.isEmpty()) {
            out.println("No sites.");
            return;
        }
        var format = "%-32s %-6s %-8s %-14s %s%n";
        out.printf(format, "DOMAIN", "PORT", "STATUS", "RELEASE", "LAST RUN");
        for (var row : rows) {
            out.printf(format, row.get("domain"), row.get("port"), row.get("status"),
                    row.get("release") == null ? "-" : row.get("release"),
                    row.get("lastOutcome") == null ? "-" : row.get("lastOutcome") + " " + row.get("lastRunAt"));
        }
        out.flush();
    }
}
