package dev.alive.tasks.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a spec command such as {@code bun run build} into an argument vector, without a shell.
 *
 * <p>Decision: spec commands never run through {@code /bin/sh}. They are split here, and the
 * same argument vector is what {@link LocalCommandRunner} executes locally and what {@link SystemdUnit}
 * writes into {@code ExecStart}, so a command means the same thing under both service managers.
 * A spec author who needs pipes or {@code &&} writes a script in package.json and calls it.
 *
 * <p>The rules are a strict subset of POSIX shell word splitting, so any command accepted here
 * splits the same way in {@code sh}:
 * <ul>
 *   <li>words are separated by unquoted spaces and tabs;</li>
 *   <li>{@code '...'} is literal; inside {@code "..."} a backslash escapes only {@code " \ $ `};
 *       outside quotes a backslash escapes the next character; {@code ""} is an empty word;</li>
 *   <li>nothing is expanded, so characters a shell would give meaning to are refused rather than
 *       passed on silently: unquoted {@code | & ; < > ( ) $ ` * ?}, a word-leading {@code ~} or
 *       {@code #}, {@code $} or a backquote inside double quotes, line breaks and unbalanced quotes.
 *       Quote them to mean them literally.</li>
 * </ul>
 */
public final class CommandLineSplitter {
    private static final String OPERATORS = "|&;<>()$`*?";

    private CommandLineSplitter() {
    }

    /** @throws InvalidCommandLineException naming the column and what is wrong there */
    public static List<String> split(String commandLine) {
        for (int k = 0; k < commandLine.length(); k++) {
            char c = commandLine.charAt(k);
            if (c == '\n' || c == '\r') {
                throw error(commandLine, k, "line break (one command only; use a package.json script)");
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw error(commandLine, k, "control character");
            }
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = commandLine.length();
        while (i < n) {
            char c = commandLine.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = commandLine.indexOf('\'', i + 1);
                if (end < 0) {
                    throw error(commandLine, i, "unbalanced single quote");
                }
                word.append(commandLine, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(commandLine, i, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw error(commandLine, i, "backslash at the end");
                }
                word.append(commandLine.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (OPERATORS.indexOf(c) >= 0 || (!inWord && (c == '~' || c == '#'))) {
                throw error(commandLine, i, "shell character '" + c + "' (quote it to mean it literally)");
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new InvalidCommandLineException(commandLine, 1, "empty command");
        }
        return List.copyOf(words);
    }

    /** Appends the double-quoted part starting at {@code open}; returns the index after it. */
    private static int doubleQuoted(String line, int open, StringBuilder word) {
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '$' || c == '`') {
                throw error(line, i, "shell character '" + c + "' inside double quotes (use single quotes)");
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw error(line, open, "unbalanced double quote");
    }

    private static InvalidCommandLineException error(String line, int index, String reason) {
        return new InvalidCommandLineException(line, index + 1, reason);
    }
}
