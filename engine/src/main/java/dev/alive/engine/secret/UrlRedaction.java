package dev.alive.engine.secret;

import java.util.regex.Pattern;

/**
 * The one rule by which a URL that may carry credentials (a state store's, say) is made safe to
 * print, log or put in a message: the password of the user info and the value of every query
 * parameter whose name looks like a credential ({@code password}, {@code pass}, {@code pwd},
 * {@code sslpassword}, {@code sslkey}, {@code passfile}, anything with {@code secret}, {@code token}
 * or {@code key} in it; any case) become {@code ***}. Everything else stays, so the message still
 * names the server.
 */
public final class UrlRedaction {

    /** What a hidden value is replaced by. */
    public static final String HIDDEN = "***";

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;][^?&;=#]*(?:pass|pwd|secret|token|key)[^?&;=#]*=)[^&;#]*");

    private UrlRedaction() {
    }

    /** {@code url} with its secrets hidden: {@code postgresql://user:***@host/db?sslpassword=***}. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        var redacted = hideUserInfoPassword(url);
        return SECRET_PARAMETER.matcher(redacted).replaceAll("$1" + HIDDEN);
    }

    /** Everything between {@code ://} and the last {@code @} is user info; what follows its first colon is the password. */
    private static String hideUserInfoPassword(String url) {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at <= scheme + 3) {
            return url;
        }
        int colon = url.indexOf(':', scheme + 3);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + HIDDEN + url.substring(at);
    }
}
