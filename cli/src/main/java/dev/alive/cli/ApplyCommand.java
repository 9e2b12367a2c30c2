package dev.alive.cli;

import dev.alive.deploy.ApplyRequest;
import dev.alive.deploy.HostOperations;
import dev.alive.deploy.PasswordSource;
import dev.alive.deploy.SpecSet;
import dev.alive.deploy.document.ApplyDocument;
import dev.alive.engine.ApplyOptions;
import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
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

    @Mixin
    JsonOption json;

    @Option(names = "--password-stdin", description = "Read the new owner's password from the first line of stdin.")
    boolean passwordStdin;

    @Mixin
    LockWaitOption lockWait;

    @Override
    public Integer call() {
        var context = main.context();
        var host = hostOption.resolve(context);
        var sites = SpecSet.load(specs, context.workingDir(), context.environment(), host);
        var password = passwordStdin ? PasswordSource.firstLineOf(context.in()) : PasswordSource.environment();
        var options = lockWait.applyTo(ApplyOptions.defaults().withFailFast(failFast));
        if (parallel != null) {
            if (parallel < 1) {
                throw new AliveException(ErrorCategory.USAGE, "--parallel must be at least 1");
            }
            options = options.withParallelism(parallel);
        }
        var style = new Style(context.colors());
        var started = System.nanoTime();
        try (var operations = HostOperations.open(host, context.environment())) {
            var result = operations.apply(new ApplyRequest(sites, password, options),
                    new ApplyProgress(context.out(), style, json.wanted()));
            var elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (json.wanted()) {
                JsonOption.print(ApplyDocument.of(result, elapsed), context.out());
            } else {
                new ApplyView(style).print(result, elapsed, context.out(), context.err());
            }
            return ExitCodes.of(result);
        }
    }
}
