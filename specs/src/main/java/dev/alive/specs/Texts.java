package dev.alive.specs;

import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Puts operator-written values into messages safely: quoted, control characters escaped, shortened. */
final class Texts {

    static final int SHOWN_LENGTH = 80;

    private Texts() {
    }

    /**
     * {@code 'value'} with control and invisible formatting characters (bidi overrides, zero-width
     * spaces) escaped, so a hostile value cannot move the cursor or disguise itself; long values cut.
     */
    static String quote(String value) {
        String shown = value.length() > SHOWN_LENGTH ? value.substring(0, SHOWN_LENGTH) : value;
        String suffix = value.length() > SHOWN_LENGTH ? "... (" + value.length() + " characters)" : "";
        return "'" + plain(shown) + "'" + suffix;
    }

    /** The text with control and invisible formatting characters escaped as {@code \\n} or {@code \\u202e}. */
    static String plain(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String plain(Path path) {
        return plain(path.toString());
    }

    /** What a node is, for "expected X, got Y" messages. */
    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isEmpty() ? "an empty value" : quote(scalar.getValue());
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "something else";
    }

    /** True when the text holds a line break, NUL or another control character (tab excepted). */
    static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> c != '\t' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029));
    }

    static boolean hasLineBreak(String value) {
        return value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85);
    }
}
