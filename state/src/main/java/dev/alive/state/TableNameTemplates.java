package dev.alive.state;

import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Replaces {@code <name>} in SQL by the defined attribute {@code name} (the dialect's table names);
 * anything else, {@code a < b} included, is left alone. A plain scan: JDBI's own engine starts an
 * ANTLR lexer, which costs a cold start about a hundred milliseconds.
 */
final class TableNameTemplates implements TemplateEngine {

    @Override
    public String render(String template, StatementContext ctx) {
        return render(template, ctx.getAttributes());
    }

    static String render(String template, Map<String, Object> attributes) {
        int open = template.indexOf('<');
        if (open < 0) {
            return template;
        }
        var out = new StringBuilder(template.length() + 32);
        int copied = 0;
        while (open >= 0) {
            int close = open + 1;
            while (close < template.length() && isNamePart(template.charAt(close))) {
                close++;
            }
            if (close < template.length() && template.charAt(close) == '>' && close > open + 1) {
                Object value = attributes.get(template.substring(open + 1, close));
                if (value != null) {
                    out.append(template, copied, open).append(value);
                    copied = close + 1;
                }
            }
            open = template.indexOf('<', open + 1);
        }
        return out.append(template, copied, template.length()).toString();
    }

    private static boolean isNamePart(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
