package dev.alive.specs;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a node tree holds plain YAML only: standard tags, no merge keys ({@code <<}), keys that are
 * plain names. Walks each node once, so aliases and self-references cannot make it loop.
 */
final class PlainYaml {

    private static final Set<Tag> STANDARD = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

    private final Problems problems;
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private PlainYaml(Problems problems) {
        this.problems = problems;
    }

    static void check(Node root, Problems problems) {
        new PlainYaml(problems).visit(root);
    }

    private void visit(Node node) {
        if (!seen.add(node)) {
            return;
        }
        if (!STANDARD.contains(node.getTag())) {
            problems.at(node, "tag " + Texts.quote(node.getTag().getValue())
                    + " is not supported: alive reads plain YAML only; remove the tag");
        }
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(this::visit);
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                if (key.getTag().equals(Tag.MERGE)) {
                    problems.at(key, "merge keys ('<<') are not supported; write the keys out");
                    seen.add(key);
                } else if (!(key instanceof ScalarNode)) {
                    problems.at(key, "a key must be a plain name, got " + Texts.describe(key));
                    seen.add(key);
                } else {
                    visit(key);
                }
                visit(tuple.getValueNode());
            }
        }
    }
}
