package dev.alive.cli;

import dev.alive.specs.SpecException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code alive} command: parses arguments, dispatches to a subcommand, maps errors to exit codes. */
@Command(
        name = "alive",
        mixinStandardHelpOptions = true,
        version = "alive 0.1.0",
        description = "Deploys isolated websites onto Linux hosts from a declarative YAML spec.",
        footer = {"", "Examples:",
                "  alive plan specs/examples/hello/site.yaml     what would change, and why",
                "  alive apply specs/examples/hello/site.yaml    make it so; a failure is undone",
                "  alive apply sites/                            a whole fleet, in parallel",
                "  alive rollback specs/examples/hello/site.yaml back to the previous release",
                "",
                "Exit codes: 0 ok or no changes, 1 failed (and rolled back), 2 changes found by",
                "plan --detailed-exitcode, 3 rollback incomplete, 4 site locked by another run,",
                "5 import legacy left sites out,",
                "64 usage error, 65 invalid spec or host profile, 69 state store unreachable."})
public final class Main implements Callable<Integer> {

    /**
     * The subcommands, in the order help lists them. Only the one invoked is modelled (picocli
     * reads every annotated option of a command it registers: ~40 ms of each run for all of them);
     * all are registered when none is named, or an unknown one (so help and suggestions see all).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(PlanCommand.class, ApplyCommand.class,
            DestroyCommand.class, StatusCommand.class, HistoryCommand.class, LogsCommand.class, GraphCommand.class,
            ReleasesCommand.class, RollbackCommand.class, ImportCommand.class, ServeCommand.class, TokenCommand.class,
            CommandLine.HelpCommand.class);

    private final CliContext context;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(CliContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(execute(CliContext.ofProcess(), args));
    }

    /** Runs one command line against the given context; returns the exit code. */
    public static int execute(CliContext context, String... args) {
        var main = new Main(context);
        var commandLine = new CommandLine(main);
        var invoked = SUBCOMMANDS.get(firstWord(args));
        for (var subcommand : invoked == null || invoked == CommandLine.HelpCommand.class
                ? SUBCOMMANDS.values() : List.<Class<?>>of(invoked)) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, cmd, parsed) -> main.report(error))
                .setParameterExceptionHandler((ex, arguments) -> {
                    context.err().println("alive: " + ex.getMessage());
                    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, context.err())) {
                        context.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                                + " --help'.");
                    }
                    context.err().flush();
                    return ExitCodes.USAGE;
                });
        commandLine.setUsageHelpAutoWidth(false);
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The first argument that is not an option: the subcommand, if any (alive's own options take no values). */
    private static String firstWord(String[] args) {
        for (var arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }

    private static Map<String, Class<?>> subcommands(Class<?>... commands) {
        var byName = new LinkedHashMap<String, Class<?>>();
        for (var command : commands) {
            byName.put(command.getAnnotation(Command.class).name(), command);
        }
        return byName;
    }

    CliContext context() {
        return context;
    }

    /** No command given: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCodes.USAGE;
    }

    private int report(Exception error) {
        var err = context.err();
        if (error instanceof SpecException spec) {
            spec.problems().forEach(problem -> err.println(problem));
            err.println(spec.problems().size() + (spec.problems().size() == 1 ? " problem" : " problems")
                    + " found; nothing was changed.");
        } else {
            err.println("alive: " + message(error));
        }
        if (debug) {
            var trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return ExitCodes.of(error);
    }

    private static String message(Throwable error) {
        var message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
