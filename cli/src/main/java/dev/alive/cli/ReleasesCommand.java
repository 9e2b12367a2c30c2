package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.ReleasesRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        try (var operations = HostOperations.open(host, context.environment())) {
            var releases = operations.releases(new ReleasesRequest(domain));
            if (json.wanted()) {
                JsonOption.print(releases, context.out());
                return ExitCodes.OK;
            }
            var out = context.out();
            var style = new Style(context.colors());
            out.println(domain + ": " + releases.releases().size() + " retained in " + releases.releasesDir());
            for (var release : releases.releases()) {
                var line = (release.current() ? "* " : "  ") + release.id() + "  " + release.madeAt()
                        + (release.current() ? "  current" : "");
                out.println(release.current() ? style.green(line) : line);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
