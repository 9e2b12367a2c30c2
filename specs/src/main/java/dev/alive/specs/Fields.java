package dev.alive.specs;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of one mapping of a spec, checked against the keys its kind accepts there: unknown keys
 * (with a did-you-mean), duplicates, and typed access that reports wrong types and missing keys.
 */
final class Fields {

    private final SpecKeys.Shape shape;
    private final String path;
    private final Node anchor;
    private final Problems problems;
    private final Map<String, NodeTuple> byKey;
    /** Keys a misspelt key was taken for; their absence is already reported by the did-you-mean. */
    private final Set<String> suggested = new HashSet<>();

    private Fields(SpecKeys.Shape shape, String path, Node anchor, Problems problems, Map<String, NodeTuple> byKey) {
        this.shape = shape;
        this.path = path;
        this.anchor = anchor;
        this.problems = problems;
        this.byKey = byKey;
    }

    /**
     * The top-level mapping of a document. Its keys are not checked yet: callers first check the
     * kind (a file of another kind would only produce noise), then call {@link #checkKeys()}.
     */
    static Optional<Fields> root(Node node, SpecKeys.Shape shape, Problems problems) {
        return read(node, "", node, shape, problems, false);
    }

    static Optional<Fields> read(Node node, String path, Node anchor, SpecKeys.Shape shape, Problems problems) {
        return read(node, path, anchor, shape, problems, true);
    }

    private static Optional<Fields> read(Node node, String path, Node anchor, SpecKeys.Shape shape,
            Problems problems, boolean checkKeys) {
        if (!(node instanceof MappingNode mapping)) {
            String expected = path.isEmpty()
                    ? "the file must be a mapping of keys (" + String.join(", ", shape.at("").subList(0, 3)) + ", ...)"
                    : path + ": expected a mapping with keys " + String.join(", ", shape.at(path));
            problems.at(node, expected + ", got " + Texts.describe(node));
            return Optional.empty();
        }
        Map<String, NodeTuple> byKey = entries(mapping, problems);
        Fields fields = new Fields(shape, path, anchor, problems, byKey);
        if (checkKeys) {
            fields.checkKeys();
        }
        return Optional.of(fields);
    }

    /** Reports every key this mapping does not accept. */
    void checkKeys() {
        if (!SpecKeys.FREE_FORM.contains(path)) {
            byKey.values().forEach(tuple -> checkKnown((ScalarNode) tuple.getKeyNode()));
        }
    }

    /** The entries of a mapping by key; duplicates and non-name keys are reported and skipped. */
    static Map<String, NodeTuple> entries(MappingNode mapping, Problems problems) {
        Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.MERGE)) {
                continue; // reported by PlainYaml
            }
            NodeTuple first = byKey.putIfAbsent(key.getValue(), tuple);
            if (first != null) {
                problems.at(key, "duplicate key " + Texts.quote(key.getValue()) + " (first at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + "); keep one of them");
            }
        }
        return byKey;
    }

    private void checkKnown(ScalarNode key) {
        String name = key.getValue();
        List<String> known = shape.at(path);
        if (known.contains(name)) {
            return;
        }
        String where = path.isEmpty() ? "" : " in " + path;
        Optional<String> elsewhere = shape.otherPathWith(name, path);
        Optional<String> similar = DidYouMean.closest(name, known);
        if (similar.isPresent()) {
            suggested.add(similar.get());
            problems.at(key, "unknown key " + Texts.quote(name) + where + "; did you mean '" + similar.get() + "'?");
        } else if (elsewhere.isPresent()) {
            String under = elsewhere.get().isEmpty() ? "to the top level" : "under '" + elsewhere.get() + "'";
            problems.at(key, "key " + Texts.quote(name) + " does not belong" + (where.isEmpty() ? " here" : where)
                    + "; move it " + under);
        } else {
            problems.at(key, "unknown key " + Texts.quote(name) + where + "; expected one of: "
                    + String.join(", ", known));
        }
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Map<String, NodeTuple> entries() {
        return byKey;
    }

    boolean has(String key) {
        return value(key).isPresent();
    }

    /** The key's value; empty when the key is absent or has no value ({@code key:} or {@code ~}). */
    Optional<Node> value(String key) {
        NodeTuple tuple = byKey.get(key);
        if (tuple == null || tuple.getValueNode().getTag().equals(Tag.NULL)) {
            return Optional.empty();
        }
        return Optional.of(tuple.getValueNode());
    }

    Optional<ScalarNode> scalar(String key) {
        Optional<Node> node = value(key);
        if (node.isPresent() && !(node.get() instanceof ScalarNode)) {
            problems.at(node.get(), name(key) + ": expected text, got " + Texts.describe(node.get()));
            return Optional.empty();
        }
        return node.map(ScalarNode.class::cast);
    }

    Optional<String> text(String key) {
        return scalar(key).map(ScalarNode::getValue);
    }

    /** The key's text, or a "missing" problem (with the hint saying what to write) and empty. */
    Optional<ScalarNode> required(String key, String hint) {
        if (!has(key)) {
            missing(key, hint);
            return Optional.empty();
        }
        return scalar(key);
    }

    void missing(String key, String hint) {
        NodeTuple tuple = byKey.get(key);
        if (tuple != null) {
            problems.at(tuple.getKeyNode(), name(key) + " has no value; " + hint);
        } else if (!suggested.contains(key)) {
            problems.at(anchor, "missing required key '" + name(key) + "'; " + hint);
        }
    }

    Optional<Fields> mapping(String key) {
        return value(key).flatMap(node -> read(node, name(key), byKey.get(key).getKeyNode(), shape, problems));
    }

    Optional<SequenceNode> list(String key) {
        Optional<Node> node = value(key);
        if (node.isPresent() && !(node.get() instanceof SequenceNode)) {
            problems.at(node.get(), name(key) + ": expected a list like [dist], got " + Texts.describe(node.get()));
            return Optional.empty();
        }
        return node.map(SequenceNode.class::cast);
    }

    /** A whole number in [min, max]; reports text that is not a number and numbers out of range. */
    Optional<Integer> number(String key, int min, int max) {
        return scalar(key).flatMap(node -> Numbers.parse(node, name(key), min, max, problems));
    }

    Optional<Node> keyNode(String key) {
        return Optional.ofNullable(byKey.get(key)).map(NodeTuple::getKeyNode);
    }
}
