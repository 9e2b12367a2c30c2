package dev.alive.tasks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineSplitterTest {

    @Test
    void splitsPlainWordsOnSpacesAndTabs() {
        assertThat(CommandLineSplitter.split("  bun\trun   build ")).containsExactly("bun", "run", "build");
    }

    @Test
    void keepsQuotedTextAsOneWordWithoutExpansion() {
        assertThat(CommandLineSplitter.split("node server.js --title 'my $site | x' \"a \\\"b\\\" \\$c\" ''"))
                .containsExactly("node", "server.js", "--title", "my $site | x", "a \"b\" $c", "");
    }

    @Test
    void backslashOutsideQuotesEscapesTheNextCharacter() {
        assertThat(CommandLineSplitter.split("echo a\\ b \\; c\\*")).containsExactly("echo", "a b", ";", "c*");
    }

    @Test
    void joinsAdjacentQuotedAndPlainParts() {
        assertThat(CommandLineSplitter.split("--out=\"dist dir\"/x'y'")).containsExactly("--out=dist dir/xy");
    }

    @Test
    void doubleQuotesKeepOtherBackslashes() {
        assertThat(CommandLineSplitter.split("printf \"a\\nb\"")).containsExactly("printf", "a\\nb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm run build && npm test", "vite --port $PORT", "a | b", "a; b", "a > out",
            "echo `id`", "rm *.tmp", "ls ~/x", "echo \"$HOME\"", "(a)", "a # comment"})
    void refusesShellSyntaxItCannotHonour(String command) {
        assertThatThrownBy(() -> CommandLineSplitter.split(command))
                .isInstanceOf(InvalidCommandLineException.class)
                .hasMessageContaining("shell character");
    }

    @Test
    void refusesUnbalancedQuotesNamingTheColumn() {
        assertThatThrownBy(() -> CommandLineSplitter.split("bun run 'build"))
                .isInstanceOfSatisfying(InvalidCommandLineException.class, e -> assertThat(e.column()).isEqualTo(9))
                .hasMessageContaining("unbalanced single quote");
        assertThatThrownBy(() -> CommandLineSplitter.split("bun \"run"))
                .hasMessageContaining("unbalanced double quote at column 5");
    }

    @Test
    void refusesEmptyCommandsLineBreaksAndATrailingBackslash() {
        assertThatThrownBy(() -> CommandLineSplitter.split("   ")).hasMessageContaining("empty command");
        assertThatThrownBy(() -> CommandLineSplitter.split("a\nb")).hasMessageContaining("line break");
        assertThatThrownBy(() -> CommandLineSplitter.split("a\\")).hasMessageContaining("backslash at the end");
    }

    @Test
    void allowsWordInnerTildeAndHash() {
        assertThat(CommandLineSplitter.split("git checkout v1~2 a#b")).containsExactly("git", "checkout", "v1~2", "a#b");
    }
}
