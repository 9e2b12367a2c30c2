package dev.alive.specs;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The domain names alive accepts: lowercase ASCII DNS names of at least two labels, each label
 * 1-63 characters of [a-z0-9-] not starting or ending with '-', at most 253 characters in all.
 */
public final class DomainNames {

    public static final int MAX_LENGTH = 253;
    public static final int MAX_LABEL_LENGTH = 63;

    private DomainNames() {
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /**
     * What is wrong with the name and how to fix it, starting with the quoted name (callers prefix
     * the key, e.g. "domain "); empty when the name is valid.
     */
    public static Optional<String> problem(String name) {
        String shown = Texts.quote(name);
        if (name.isBlank()) {
            return Optional.of(shown + " is empty; write a DNS name like hello.example.com");
        }
        if (name.contains("://")) {
            String host = name.substring(name.indexOf("://") + 3).split("[/:?#]", 2)[0].toLowerCase(Locale.ROOT);
            return Optional.of(shown + " is a URL; write the bare name " + Texts.quote(host));
        }
        int nonAscii = name.codePoints().filter(c -> c > 0x7e).findFirst().orElse(-1);
        if (nonAscii >= 0) {
            return Optional.of(shown + " contains the non-ASCII character " + describe(nonAscii)
                    + "; such characters can imitate Latin letters (homoglyphs): type the name in ASCII,"
                    + " or its punycode form (xn--...)");
        }
        Set<String> bad = name.chars().filter(c -> !isAllowed(Character.toLowerCase((char) c)))
                .mapToObj(DomainNames::describe).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!bad.isEmpty()) {
            String hint = name.startsWith("*.") ? "wildcards are not sites: name one domain"
                    : "use only a-z, 0-9, '-' and '.'";
            return Optional.of(shown + " contains " + String.join(", ", bad)
                    + ", which a domain name cannot hold; " + hint);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name)) {
            return Optional.of(shown + " must be lowercase; write " + Texts.quote(lower));
        }
        return structure(name, shown);
    }

    private static Optional<String> structure(String name, String shown) {
        if (name.length() > MAX_LENGTH) {
            return Optional.of(shown + " is " + name.length() + " characters long; a domain name is at most "
                    + MAX_LENGTH);
        }
        if (name.endsWith(".")) {
            return Optional.of(shown + " ends with a dot; write " + Texts.quote(name.substring(0, name.length() - 1)));
        }
        if (name.startsWith(".")) {
            return Optional.of(shown + " starts with a dot; remove it");
        }
        if (name.contains("..")) {
            return Optional.of(shown + " has an empty label ('..'); remove the extra dot");
        }
        String[] labels = name.split("\\.");
        for (String label : labels) {
            if (label.length() > MAX_LABEL_LENGTH) {
                return Optional.of(shown + " has a label of " + label.length() + " characters ("
                        + Texts.quote(label) + "); a label is at most " + MAX_LABEL_LENGTH);
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return Optional.of(shown + " has the label " + Texts.quote(label)
                        + ", which starts or ends with '-'; labels start and end with a letter or digit");
            }
        }
        if (labels.length < 2) {
            return Optional.of(shown + " has a single label; a site's domain has at least two, like "
                    + Texts.quote(name + ".example.com"));
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.of(shown + " is an IP address or ends in a number; a site needs a domain name");
        }
        return Optional.empty();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    }

    private static String describe(int codePoint) {
        if (codePoint == ' ') {
            return "a space";
        }
        if (codePoint < 0x20 || codePoint == 0x7f) {
            return String.format(Locale.ROOT, "a control character (U+%04X)", codePoint);
        }
        if (codePoint > 0x7e) {
            String unicodeName = Character.getName(codePoint);
            boolean printable = Character.getType(codePoint) != Character.FORMAT && !Character.isISOControl(codePoint)
                    && !Character.isWhitespace(codePoint);
            return (printable ? "'" + new String(Character.toChars(codePoint)) + "' " : "") + "(U+"
                    + String.format(Locale.ROOT, "%04X", codePoint)
                    + (unicodeName == null ? "" : " " + unicodeName) + ")";
        }
        return "'" + (char) codePoint + "'";
    }
}
