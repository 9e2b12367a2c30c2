package dev.alive.specs;

import java.util.Locale;
import java.util.Optional;

/** Owner email addresses: {@code local@domain}, ASCII, local part of RFC 5322 "atext" and dots. */
final class EmailAddresses {

    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_LENGTH = 64;
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

    private EmailAddresses() {
    }

    /** What is wrong with the address, starting with the quoted address; empty when it is valid. */
    static Optional<String> problem(String email) {
        String shown = Texts.quote(email);
        String example = "write an address like owner@example.com";
        int at = email.lastIndexOf('@');
        if (email.isBlank() || at < 0) {
            return Optional.of(shown + " is not an email address (no '@'); " + example);
        }
        if (email.codePoints().anyMatch(c -> c > 0x7e || c < 0x21)) {
            return Optional.of(shown + " contains spaces, control or non-ASCII characters; " + example);
        }
        if (email.length() > MAX_LENGTH) {
            return Optional.of(shown + " is longer than " + MAX_LENGTH + " characters");
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.isEmpty() || local.length() > MAX_LOCAL_LENGTH
                || !local.matches(ATEXT + "(\\." + ATEXT + ")*")) {
            return Optional.of(shown + " has an invalid part before '@' " + Texts.quote(local)
                    + " (1-64 letters, digits or !#$%&'*+/=?^_`{|}~- separated by single dots); " + example);
        }
        Optional<String> domainProblem = DomainNames.problem(domain.toLowerCase(Locale.ROOT));
        if (domainProblem.isPresent()) {
            return Optional.of(shown + " has an invalid domain after '@': " + domainProblem.get());
        }
        return Optional.empty();
    }
}
