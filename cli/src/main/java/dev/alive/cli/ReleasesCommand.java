package dev.alive.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "releases", mixinStandardHelpOptions = true,
        description = {"List the releases a site keeps (newest first) and which one is current.",
                "Any of them can be made current again with alive rollback."},
        footer = {"", "Example:", "  alive releases hello.alive.test"})
final class ReleasesCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1", paramLabel = "DOMAIN")
    String domain;

    @Option(names = "--json", description = "Print one JSON document (formatVersion 1).")
    boolean json;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        try (var deployments = Session.open(context, host)) {
            var retained = RetainedReleases.of(deployments.paths(domain));
            if (retained.releases().isEmpty()) {
                throw new CliException("no releases of " + domain + " on host " + host.name() + " (looked in "
                        + retained.paths().releasesDir() + ")");
            }
            if (json) {
                Json.print(json(retained), context.out());
                return ExitCodes.OK;
            }
            var out = context.out();
            var style = new Style(context.colors());
            out.println(domain + ": " + retained.releases().size() + " retained in " + retained.paths().releasesDir());
            for (var release : retained.releases()) {
                var line = (release.current() ? "* " : "  ") + release.id() + "  " + release.madeAt()
                        + (release.current() ? "  current" : "");
                out.println(release.current() ? style.green(line) : line);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private Map<String, Object> json(RetainedReleases retained) {
        var releases = new ArrayList<Map<String, Object>>();
        for (var release : retained.releases()) {
            var r = new LinkedHashMap<String, Object>();
            r.put("id", release.id());
            r.put("madeAt", release.madeAt().toString());
            r.put("current", release.current());
            releases.add(r);
        }
        var doc = new LinkedHashMap<String, Object>();
        doc.put("formatVersion", 1);
        doc.put("site", domain);
        doc.put("releasesDir", retained.paths().releasesDir().toString());
        doc.put("current", retained.current().map(RetainedReleases.Release::id).orElse(null));
        doc.put("releases", releases);
        return doc;
    }
}
