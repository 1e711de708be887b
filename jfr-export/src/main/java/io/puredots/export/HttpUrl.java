package io.puredots.export;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a server URL before anything is sent to it, so that a bad one is one line naming the
 * problem ({@link ExportException}) instead of an exception from the URI parser or the HTTP client
 * (which refuses a port out of range only when the first batch is sent). A URL is shown in
 * messages without its user info.
 *
 * <p>Stateless; safe from any thread.
 */
final class HttpUrl {
    private HttpUrl() {
    }

    /** Parses and checks {@code spec}; the URL may carry a query. */
    static URI parse(String spec) {
        for (int i = 0; i < spec.length(); i++) {
            if (Character.isWhitespace(spec.charAt(i)) || Character.isISOControl(spec.charAt(i))) {
                throw new ExportException("'" + withoutUserInfo(spec) + "' is not a valid URL: "
                        + (spec.charAt(i) == ' ' ? "a space" : String.format("character U+%04X", (int) spec.charAt(i)))
                        + " at index " + i);
            }
        }
        URI uri;
        try {
            uri = new URI(spec);
        } catch (URISyntaxException e) {
            throw new ExportException("'" + withoutUserInfo(spec) + "' is not a valid URL: "
                    + lowerFirst(e.getReason()) + " at index " + e.getIndex());
        }
        check(uri);
        return uri;
    }

    /** Checks scheme (http or https), host and port (1 to 65535, or none for the scheme's default). */
    static void check(URI uri) {
        String shown = withoutUserInfo(uri.toString());
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new ExportException("'" + shown + "' is not an http:// or https:// URL");
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            throw new ExportException("'" + shown + "': unknown scheme '" + scheme + "' (expected http or https)");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority();
            int colon = authority == null ? -1 : authority.lastIndexOf(':');
            if (colon >= 0 && authority.indexOf(']', colon) < 0) {
                String port = authority.substring(colon + 1);
                if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                    throw new ExportException("'" + shown + "': port " + port + " is out of range (1 to 65535)");
                }
            }
            throw new ExportException("'" + shown + "' has no valid host"
                    + (authority == null ? "" : " ('" + withoutUserInfo(authority) + "')"));
        }
        int port = uri.getPort();
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new ExportException("'" + shown + "': port " + port + " is out of range (1 to 65535)");
        }
    }

    /** {@code text} with the user info of a URL ({@code user:password@}) replaced by {@code ***@}. */
    static String withoutUserInfo(String text) {
        int start = text.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int end = text.length();
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        int at = text.lastIndexOf('@', end - 1);
        if (at < start) {
            return text;
        }
        return text.substring(0, start) + "***" + text.substring(at);
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "malformed" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
