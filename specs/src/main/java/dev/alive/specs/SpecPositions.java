package dev.alive.specs;

import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Finds where a top-level key's value sits in a spec file, for problems found after loading. */
final class SpecPositions {

    private SpecPositions() {
    }

    /** {line, column}, 1-based; {0, 0} when the file or key cannot be found any more. */
    static int[] valueOf(Path file, String key) {
        Problems ignored = new Problems(file);
        Optional<Node> root = YamlSource.compose(file, ignored);
        if (root.isPresent() && root.get() instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
                    Node value = tuple.getValueNode();
                    return new int[] {value.getStartMark().getLine() + 1, value.getStartMark().getColumn() + 1};
                }
            }
        }
        return new int[] {0, 0};
    }
}
