package dev.alive.state;

import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Finds {@code :name} parameters in SQL, skipping quoted text and PostgreSQL's {@code ::} casts;
 * {@code ?} stays positional. Replaces JDBI's ANTLR-based parser for a faster cold start.
 */
final class NamedParameterParser implements SqlParser {

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        return parse(sql);
    }

    static ParsedSql parse(String sql) {
        var parsed = ParsedSql.builder();
        var literal = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                literal.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                literal.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isJavaIdentifierPart(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                parsed.append(literal.toString()).appendNamedParameter(sql.substring(i + 1, end));
                literal.setLength(0);
                i = end;
            } else if (c == '?') {
                parsed.append(literal.toString()).appendPositionalParameter();
                literal.setLength(0);
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        return parsed.append(literal.toString()).build();
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return ":" + rawName;
    }
}
