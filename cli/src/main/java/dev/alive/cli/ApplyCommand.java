package dev.alive.cli;

import dev.alive.engine.ApplyOptions;
import dev.alive.tasks.OwnerPassword;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the host match the specs; only what changed runs.",
                "A site whose run fails is undone: the host and the state store return",
                "to its last good state."},
        footer = {"", "A new owner needs a password: ALIVE_OWNER_PASSWORD or --password-stdin.",
                "Redeploys need none.",
                "", "Examples:", "  ALIVE_OWNER_PASSWORD=... alive apply specs/examples/hello/site.yaml",
                "  alive apply sites/ --parallel 4"})
final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HostOption hostOption;

    @Parameters(arity = "1..*", paramLabel = "SPEC|DIR", description = "Site spec files, or folders of them.")
    List<Path> specs;

    @Option(names = "--parallel", paramLabel = "N", description = "Tasks run at once (default: number of cores).")
    Integer parallel;

    @Option(names = "--fail-fast", description = "When one site fails, stop and roll back the others too.")
    boolean failFast;

    @Option(names = "--json", description = "Print one JSON document (formatVersion 1) instead of progress.")
    boolean json;

    @Option(names = "--password-stdin", description = "Read the new owner's password from the first line of stdin.")
    boolean passwordStdin;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait this long for a site locked by another run (default: refuse at once).")
    long lockWaitSeconds;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var sites = Session.loadSites(context, specs, host);
        var password = password(context);
        var options = ApplyOptions.defaults().withFailFast(failFast).withLockWait(Duration.ofSeconds(lockWaitSeconds));
        if (parallel != null) {
            if (parallel < 1) {
                throw new CliException("--parallel must be at least 1", ExitCodes.USAGE);
            }
            options = options.withParallelism(parallel);
        }
        var style = new Style(context.colors());
        var started = System.nanoTime();
        try (var deployments = Session.open(context, host)) {
            var result = deployments.apply(sites, password, options, new ApplyProgress(context.out(), style, json));
            var elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (json) {
                Json.print(ApplyView.json(result, elapsed), context.out());
            } else {
                new ApplyView(style).print(result, elapsed, context.out(), context.err());
            }
            return ExitCodes.of(result);
        }
    }

    private OwnerPassword password(CliContext context) {
        if (!passwordStdin) {
            return OwnerPassword.fromEnvironment(context.environment());
        }
        try {
            var line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException("--password-stdin: no password on standard input", ExitCodes.USAGE);
            }
            return OwnerPassword.of(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
