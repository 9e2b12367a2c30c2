package dev.alive.specs;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Checks the install, build and start commands. alive runs them as argument vectors, never through
 * a shell, so shell syntax in them would not do what the operator meant: it is refused up front.
 */
final class SpecCommandChecks {

    static final int MAX_LENGTH = 1000;
    private static final List<String> SHELL_TOKENS = List.of("&&", "||", "|", ";", "&", ">", ">>", "<", "2>&1");

    private SpecCommandChecks() {
    }

    static Optional<String> check(ScalarNode node, String name, String example, Problems problems) {
        String command = node.getValue();
        String noShell = "alive runs commands as an argument vector, without a shell; "
                + "put several steps in a package.json script or a script file";
        if (command.isBlank()) {
            problems.at(node, name + " is empty; write the command, e.g. " + example);
        } else if (Texts.hasControlCharacter(command)) {
            problems.at(node, name + " must be one line without control characters; " + noShell);
        } else if (command.length() > MAX_LENGTH) {
            problems.at(node, name + " is " + command.length() + " characters long; at most " + MAX_LENGTH);
        } else {
            Optional<String> shell = shellSyntax(command);
            if (shell.isEmpty()) {
                return Optional.of(command.trim());
            }
            problems.at(node, name + " contains " + Texts.quote(shell.get()) + ", but " + noShell);
        }
        return Optional.empty();
    }

    private static Optional<String> shellSyntax(String command) {
        if (command.contains("`")) {
            return Optional.of("`");
        }
        if (command.contains("$(")) {
            return Optional.of("$(");
        }
        for (String token : command.trim().split("\\s+")) {
            if (SHELL_TOKENS.contains(token)) {
                return Optional.of(token);
            }
            if (token.length() > 1 && token.endsWith(";")) {
                return Optional.of(";");
            }
        }
        return Optional.empty();
    }
}
