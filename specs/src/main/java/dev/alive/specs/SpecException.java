package dev.alive.specs;

import dev.alive.engine.error.AliveException;
import dev.alive.engine.error.ErrorCategory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec or host profile is invalid. Carries every problem found, not just the first; the message
 * prints one problem per line as {@code file:line:column: message}.
 */
public final class SpecException extends AliveException {

    private final transient List<Problem> problems;

    public SpecException(List<Problem> problems) {
        super(ErrorCategory.INVALID_INPUT, render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
