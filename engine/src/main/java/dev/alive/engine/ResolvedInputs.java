package dev.alive.engine;

import dev.alive.engine.fingerprint.Fingerprints;
import dev.alive.engine.task.TaskCheckException;
import dev.alive.engine.task.TaskId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A task's inputs, resolved and fingerprinted, in declaration order. */
final class ResolvedInputs {

    private final TaskId task;
    private final Map<String, ResolvedInput> byName;

    ResolvedInputs(TaskId task, List<ResolvedInput> inputs) {
        this.task = task;
        var map = new LinkedHashMap<String, ResolvedInput>();
        for (var input : inputs) {
            if (map.putIfAbsent(input.name(), input) != null) {
                throw new TaskCheckException(task, "it declares input '" + input.name() + "' twice");
            }
        }
        this.byName = map;
    }

    Collection<ResolvedInput> all() {
        return byName.values();
    }

    List<String> unknownNames() {
        return byName.values().stream().filter(input -> !input.known()).map(ResolvedInput::name).toList();
    }

    /** What the task reads for {@code name}; throws for a name it did not declare. */
    String value(String name) {
        var input = byName.get(name);
        if (input == null) {
            throw new IllegalArgumentException("task " + task + " has no input '" + name + "'");
        }
        return input.value();
    }

    /** Fingerprint per input name; only when every input is known. */
    Map<String, String> fingerprints() {
        var result = new TreeMap<String, String>();
        byName.values().forEach(input -> result.put(input.name(), requireKnown(input).fingerprint()));
        return result;
    }

    /** The fingerprint of all inputs together; only when every input is known. */
    String fingerprint() {
        var all = new StringBuilder();
        fingerprints().forEach((name, fingerprint) -> all.append(name).append('\0').append(fingerprint).append('\n'));
        return Fingerprints.ofValue(all.toString());
    }

    private ResolvedInput requireKnown(ResolvedInput input) {
        if (!input.known()) {
            throw new IllegalStateException("input '" + input.name() + "' of " + task + " is not known yet");
        }
        return input;
    }
}
