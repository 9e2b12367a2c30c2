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
     * Checks both lines; returns false when the file is of another kind, in which case its other keys
     * are not worth reporting against this kind.
     */
    static boolean check(Fields top, String expectedKind, Problems problems) {
        top.required("apiVersion", "a spec starts with the line: apiVersion: " + API_VERSION).ifPresent(node -> {
            if (!node.getValue().equals(API_VERSION)) {
                problems.at(node, "apiVersion: expected '" + API_VERSION + "', got " + Texts.describe(node)
                        + "; this alive reads " + API_VERSION + " files");
            }
        });
        Optional<ScalarNode> kind = top.required("kind", "write: kind: " + expectedKind);
        if (kind.isEmpty() || kind.get().getValue().equals(expectedKind)) {
            return true;
        }
        String written = kind.get().getValue();
        if (KINDS.contains(written)) {
            problems.at(kind.get(), "this file is a " + describe(written) + " (kind: " + written + "), not a "
                    + describe(expectedKind) + "; " + usage(written));
            return false;
        }
        String suggestion = DidYouMean.closest(written, List.of(expectedKind)).map(s -> "; did you mean '" + s + "'?")
                .orElse("");
        problems.at(kind.get(), "kind: expected '" + expectedKind + "', got " + Texts.describe(kind.get()) + suggestion);
        return true;
    }

    private static String describe(String kind) {
        return kind.equals("Site") ? "site spec" : "host profile";
    }

    private static String usage(String kind) {
        return kind.equals("Site") ? "pass it as the SPEC argument" : "pass it with --host";
    }
}
