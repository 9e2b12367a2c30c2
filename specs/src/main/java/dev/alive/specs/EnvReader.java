package dev.alive.specs;

import dev.alive.specs.Site.EnvValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code app.env}: identifier names, one-line values, and {@code ${NAME}} references to alive's
 * own environment (which must be set when the spec is loaded; the value itself is not kept here).
 */
final class EnvReader {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** Set by alive itself in every site's env file. */
    static final Set<String> RESERVED = Set.of("DOMAIN", "PORT");

    private final Map<String, String> environment;
    private final Problems problems;

    EnvReader(Map<String, String> environment, Problems problems) {
        this.environment = environment;
        this.problems = problems;
    }

    Map<String, EnvValue> read(Fields env) {
        Map<String, EnvValue> values = new LinkedHashMap<>();
        for (NodeTuple tuple : env.entries().values()) {
            ScalarNode key = (ScalarNode) tuple.getKeyNode();
            String name = key.getValue();
            if (!NAME.matcher(name).matches()) {
                problems.at(key, "env name " + Texts.quote(name) + " is not an identifier; use letters, digits and"
                        + " '_', not starting with a digit, e.g. " + Texts.quote(suggestName(name)));
            } else if (RESERVED.contains(name)) {
                problems.at(key, "env " + name + " is set by alive itself (the site's "
                        + name.toLowerCase(java.util.Locale.ROOT) + "); remove it from app.env");
            } else {
                value(name, tuple.getValueNode()).ifPresent(value -> values.put(name, value));
            }
        }
        return values;
    }

    private Optional<EnvValue> value(String name, Node node) {
        if (node.getTag().equals(Tag.NULL)) {
            problems.at(node, "env " + name + " has no value; write " + name + ": \"\" for an empty value");
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(node, "env " + name + ": expected text, got " + Texts.describe(node));
            return Optional.empty();
        }
        String text = scalar.getValue();
        if (Texts.hasLineBreak(text) || text.indexOf('\0') >= 0) {
            problems.at(node, "env " + name + ": the value contains a line break or NUL; an env file holds one"
                    + " line per variable: put the value on one line");
            return Optional.empty();
        }
        Matcher reference = REFERENCE.matcher(text);
        if (reference.matches()) {
            String variable = reference.group(1);
            if (!environment.containsKey(variable)) {
                problems.at(node, "env " + name + ": ${" + variable + "} is not set in alive's environment;"
                        + " export " + variable + " before running alive");
                return Optional.empty();
            }
            return Optional.of(new EnvValue.FromEnvironment(variable));
        }
        if (text.contains("${")) {
            problems.at(node, "env " + name + ": '${' is only understood as a whole value like ${API_KEY};"
                    + " write the reference alone, without other text");
            return Optional.empty();
        }
        return Optional.of(new EnvValue.Literal(text));
    }

    private static String suggestName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
        return cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) ? "_" + cleaned : cleaned;
    }
}
