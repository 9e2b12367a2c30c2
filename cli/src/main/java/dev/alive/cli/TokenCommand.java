package dev.alive.cli;

import dev.alive.deploy.HostOperations;
import dev.alive.deploy.api.TokenScope;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code alive token create|list|delete}: alive serve's API tokens, kept in the host's state store by hash only. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, list or delete alive serve's API tokens (stored only as hashes).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Delete.class},
        footer = {"", "Example:", "  alive token create --name web --scope deploy   shows the token once"})
final class TokenCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(main.context().err());
        return ExitCodes.USAGE;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a token and print it once; only its SHA-256 is stored.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TokenCommand token;

        @Mixin
        HostOption hostOption;

        @Option(names = "--name", required = true, description = "What the token is for (web, ci, ...).")
        String name;

        @Option(names = "--scope", required = true, description = "read, deploy or admin.")
        String scope;

        @Override
        public Integer call() {
            var context = token.main.context();
            var parsed = TokenScope.parse(scope);
            if (parsed.isEmpty()) {
                context.err().println("alive: --scope must be read, deploy or admin, not '" + scope + "'");
                return ExitCodes.USAGE;
            }
            var host = hostOption.resolve(context);
            try (var operations = HostOperations.open(host, context.environment())) {
                var created = operations.tokens().create(name, parsed.get());
                context.out().println(created.secret());
                context.err().println("Token " + created.name() + " (scope " + created.scope().label() + ") made; it is"
                        + " shown only now: keep it in the caller's secrets (Authorization: Bearer TOKEN).");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The tokens' names, scopes and dates (never a secret).")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        TokenCommand token;

        @Mixin
        HostOption hostOption;

        @Override
        public Integer call() {
            var context = token.main.context();
            try (var operations = HostOperations.open(hostOption.resolve(context), context.environment())) {
                var tokens = operations.tokens().list();
                if (tokens.isEmpty()) {
                    context.out().println("No tokens.");
                }
                for (var listed : tokens) {
                    context.out().printf("%-24s %-7s %s%n", listed.name(), listed.scope().label(), listed.createdAt());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a token: it stops working at once.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        TokenCommand token;

        @Mixin
        HostOption hostOption;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            var context = token.main.context();
            try (var operations = HostOperations.open(hostOption.resolve(context), context.environment())) {
                if (!operations.tokens().delete(name)) {
                    context.err().println("alive: no token named " + name + " (alive token list shows them)");
                    return ExitCodes.FAILED;
                }
                context.out().println("Token " + name + " deleted.");
                return ExitCodes.OK;
            }
        }
    }
}
