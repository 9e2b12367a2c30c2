package dev.alive.specs;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The {@code apiVersion} and {@code kind} lines every spec and host profile starts with. */
final class SpecHeader {

    static final String API_VERSION = "alive/v1";
    private static final List<String> KINDS = List.of("Site", "Host");

    private SpecHeader() {
    }

    /**
     * True (and reported) when the file declares the other kind, in which case its other keys are
     * not worth reporting against this kind.
     */
    static boolean isOtherKind(Fields top, String expectedKind, Problems problems) {
        Optional<ScalarNode> kind = top.value("kind").filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast);
        if (kind.isEmpty() || kind.get().getValue().equals(expectedKind) || !KINDS.contains(kind.get().getValue())) {
            return false;
        }
        String written = kind.get().getValue();
        problems.at(kind.get(), "this file is a " + describe(written) + " (kind: " + written + "), not a "
                + describe(expectedKind) + "; " + usage(written));
        return true;
    }

    /** Checks the apiVersion and kind lines (call after {@link Fields#checkKeys()}, for its did-you-means). */
    static void check(Fields top, String expectedKind, Problems problems) {
        top.required("apiVersion", "a spec starts with the line: apiVersion: " + API_VERSION).ifPresent(node -> {
            if (!node.getValue().equals(API_VERSION)) {
                problems.at(node, "apiVersion: expected '" + API_VERSION + "', got " + Texts.describe(node)
                        + "; this alive reads " + API_VERSION + " files");
            }
        });
        top.required("kind", "write: kind: " + expectedKind).ifPresent(kind -> {
            if (!kind.getValue().equals(expectedKind)) {
                String suggestion = DidYouMean.closest(kind.getValue(), List.of(expectedKind))
                        .map(s -> "; did you mean '" + s + "'?").orElse("");
                problems.at(kind, "kind: expected '" + expectedKind + "', got " + Texts.describe(kind) + suggestion);
            }
        });
    }

    private static String describe(String kind) {
        return kind.equals("Site") ? "site spec" : "host profile";
    }

    private static String usage(String kind) {
        return kind.equals("Site") ? "pass it as the SPEC argument" : "pass it with --host";
    }
}
