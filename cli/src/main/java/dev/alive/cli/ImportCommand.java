package dev.alive.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true, subcommands = ImportLegacyCommand.class,
        description = "Take sites that something else deployed into alive, as they run.",
        footer = {"", "Example:", "  alive import legacy --out sites/ --dry-run"})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** No source named: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(main.context().err());
        return ExitCodes.USAGE;
    }
}
