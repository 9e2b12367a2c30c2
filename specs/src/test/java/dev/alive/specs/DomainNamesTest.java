package dev.alive.specs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"hello.alive.test", "a.b", "x-1.example.com", "xn--bcher-kva.example", "0.example.com"})
    void acceptsLowercaseDnsNames(String name) {
        assertThat(DomainNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                      | '' is empty; write a DNS name like hello.example.com",
        "Hello.Alive.Test        | 'Hello.Alive.Test' must be lowercase; write 'hello.alive.test'",
        "a..b                    | 'a..b' has an empty label ('..'); remove the extra dot",
        "a/b.com                 | 'a/b.com' contains '/', which a domain name cannot hold; use only a-z, 0-9, '-' and '.'",
        "\"my site.com\"         | 'my site.com' contains a space, which a domain name cannot hold; use only a-z, 0-9, '-' and '.'",
        "a;rm -rf /              | 'a;rm -rf /' contains ';', a space, '/', which a domain name cannot hold; use only a-z, 0-9, '-' and '.'",
        "$(id).example.com       | '$(id).example.com' contains '$', '(', ')', which a domain name cannot hold; use only a-z, 0-9, '-' and '.'",
        "`id`.example.com        | '`id`.example.com' contains '`', which a domain name cannot hold; use only a-z, 0-9, '-' and '.'",
        "*.example.com           | '*.example.com' contains '*', which a domain name cannot hold; wildcards are not sites: name one domain",
        "https://example.com/x   | 'https://example.com/x' is a URL; write the bare name 'example.com'",
        "example.com.            | 'example.com.' ends with a dot; write 'example.com'",
        ".example.com            | '.example.com' starts with a dot; remove it",
        "-a.example.com          | '-a.example.com' has the label '-a', which starts or ends with '-'; labels start and end with a letter or digit",
        "a-.example.com          | 'a-.example.com' has the label 'a-', which starts or ends with '-'; labels start and end with a letter or digit",
        "localhost               | 'localhost' has a single label; a site's domain has at least two, like 'localhost.example.com'",
        "127.0.0.1               | '127.0.0.1' is an IP address or ends in a number; a site needs a domain name",
        "a_b.example.com         | 'a_b.example.com' contains '_', which a domain name cannot hold; use only a-z, 0-9, '-' and '.'",
    })
    void explainsWhatIsWrongAndHowToFixIt(String name, String message) {
        assertThat(DomainNames.problem(name)).contains(message);
    }

    @org.junit.jupiter.api.Test
    void namesTheHomoglyphInANonAsciiName() {
        assertThat(DomainNames.problem("p\u0430ypal.com")).contains("'p\u0430ypal.com' contains the non-ASCII"
                + " character '\u0430' (U+0430 CYRILLIC SMALL LETTER A); such characters can imitate Latin letters"
                + " (homoglyphs): type the name in ASCII, or its punycode form (xn--...)");
    }

    @org.junit.jupiter.api.Test
    void escapesControlAndDirectionCharactersInMessages() {
        assertThat(DomainNames.problem("evil\u202e.com")).hasValueSatisfying(message -> assertThat(message)
                .startsWith("'evil\\u202e.com' contains the non-ASCII character (U+202E RIGHT-TO-LEFT OVERRIDE)")
                .doesNotContain("\u202e"));
        assertThat(DomainNames.problem("a\u001b[31m.com")).hasValueSatisfying(message -> assertThat(message)
                .startsWith("'a\\u001b[31m.com' contains a control character (U+001B), '['").doesNotContain("\u001b"));
    }

    @org.junit.jupiter.api.Test
    void limitsLabelsTo63AndNamesTo253Characters() {
        String label63 = "a".repeat(63);
        assertThat(DomainNames.problem(label63 + ".com")).isEmpty();
        assertThat(DomainNames.problem("a" + label63 + ".com")).hasValueSatisfying(message ->
                assertThat(message).contains("has a label of 64 characters").endsWith("; a label is at most 63"));
        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(DomainNames.problem(name253)).isEmpty();
        assertThat(DomainNames.problem("b" + name253)).hasValueSatisfying(message ->
                assertThat(message).endsWith(" is 254 characters long; a domain name is at most 253"));
    }
}
