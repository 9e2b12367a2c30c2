package dev.alive.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template engine (table names) and parameter parser that stand in for JDBI's ANTLR-based ones. */
class SqlTextTest {

    @Test
    void replacesDefinedTableNamesOnly() {
        var tables = Map.<String, Object>of("runs", "alive.runs", "locks", "alive.locks");
        assertThat(TableNameTemplates.render("select * from <runs> r join <locks> l on a<b and c<undefined> and d < e", tables))
                .isEqualTo("select * from alive.runs r join alive.locks l on a<b and c<undefined> and d < e");
        assertThat(TableNameTemplates.render("no tables", tables)).isEqualTo("no tables");
        assertThat(TableNameTemplates.render("<runs>", tables)).isEqualTo("alive.runs");
    }

    @Test
    void findsNamedParametersOutsideQuotesAndCasts() {
        var parsed = NamedParameterParser.parse(
                "select ':not', \"col:x\", a::text from t where x = :first and y = :second_2");
        assertThat(parsed.getSql())
                .isEqualTo("select ':not', \"col:x\", a::text from t where x = ? and y = ?");
        assertThat(parsed.getParameters().getParameterNames()).containsExactly("first", "second_2");
    }

    @Test
    void keepsPositionalParameters() {
        var parsed = NamedParameterParser.parse("insert into t values (?, ?)");
        assertThat(parsed.getSql()).isEqualTo("insert into t values (?, ?)");
        assertThat(parsed.getParameters().isPositional()).isTrue();
    }

    @Test
    void findsTheSameParameterUsedTwice() {
        var parsed = NamedParameterParser.parse("where host = :host or host is null and :host is not null");
        assertThat(parsed.getSql()).isEqualTo("where host = ? or host is null and ? is not null");
        assertThat(parsed.getParameters().getParameterNames()).containsExactly("host", "host");
    }
}
