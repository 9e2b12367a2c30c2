package dev.alive.specs;

import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns snakeyaml's exceptions into one-line messages that say how to fix the file. */
final class YamlErrors {

    private YamlErrors() {
    }

    static String syntax(MarkedYAMLException e) {
        String problem = oneLine(e.getProblem());
        String context = e.getContext() == null ? "" : oneLine(e.getContext());
        if (context.startsWith("expected a single document")) {
            return "a second YAML document starts here; a spec file holds one document: remove the '---' line"
                    + " or split the file";
        }
        if (problem.startsWith("Global tag is not allowed")) {
            String tag = problem.substring(problem.indexOf(':') + 1).trim();
            return "tag " + Texts.quote(tag) + " is not allowed: alive reads plain YAML only; remove the tag";
        }
        if (problem.contains("(TAB)")) {
            return "YAML syntax error: a tab character here; YAML is indented with spaces, not tabs";
        }
        StringBuilder message = new StringBuilder("YAML syntax error: ").append(problem);
        if (!context.isEmpty() && e.getContextMark() != null) {
            message.append(" (").append(context).append(" started at line ")
                    .append(e.getContextMark().getLine() + 1).append(')');
        }
        return message.append(hint(problem, context)).toString();
    }

    private static String hint(String problem, String context) {
        if (problem.startsWith("mapping values are not allowed")) {
            return "; check the indentation of this line, or quote a value that contains ': '";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "; each line of a mapping reads 'key: value'";
        }
        if (problem.contains("end of stream") || problem.contains("<stream end>")) {
            return "; a quote or bracket opened earlier is not closed";
        }
        if (context.startsWith("while parsing a flow")) {
            return "; close the bracket, or quote a value inside it that holds ':', ',', '[' or '{'";
        }
        if (problem.startsWith("found undefined alias")) {
            return "; define the anchor (&name) before using *name, or write the value out";
        }
        return "; fix the YAML at this point";
    }

    static String limit(YAMLException e) {
        String message = oneLine(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("aliases")) {
            return "too many aliases (*name) to lists or mappings: at most " + YamlSource.MAX_ALIASES
                    + " are allowed; this looks like an alias bomb ('billion laughs'): write the values out";
        }
        if (lower.contains("nesting depth")) {
            return "nested more than " + YamlSource.MAX_NESTING
                    + " levels deep; a spec is only a few levels deep: check the brackets and indentation";
        }
        if (lower.contains("code points") || lower.contains("exceeds the limit")) {
            return "file is too long; spec and host files are limited to 1 MB";
        }
        return "YAML error: " + message;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
