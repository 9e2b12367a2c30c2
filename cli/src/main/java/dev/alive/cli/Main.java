package dev.alive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code alive} command: parses arguments and dispatches to a subcommand. */
@Command(
        name = "alive",
        mixinStandardHelpOptions = true,
        version = "alive 0.1.0",
        description = "Deploys isolated websites onto Linux hosts from a declarative YAML spec.",
        footer = {"", "Example:", "  alive plan specs/examples/hello/site.yaml"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
