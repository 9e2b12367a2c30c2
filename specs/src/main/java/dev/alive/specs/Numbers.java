package dev.alive.specs;

import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Whole numbers written in a spec, with a range check. */
final class Numbers {

    private Numbers() {
    }

    static Optional<Integer> parse(ScalarNode node, String name, int min, int max, Problems problems) {
        String text = node.getValue().trim();
        if (!text.matches("-?[0-9]{1,10}")) {
            problems.at(node, name + ": expected a number, got " + Texts.describe(node));
            return Optional.empty();
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            problems.at(node, name + ": " + value + " is out of range; expected " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of((int) value);
    }
}
