package io.puredots.analyzer.output.html;

/**
 * The one escaping function for text put into an HTML page: element content and quoted
 * attribute values alike. Every string from a recording (thread, system, group, job and JVM
 * names) goes through {@link #text}; nothing else writes recording text into markup.
 * Stateless; thread-safe.
 */
public final class HtmlEscape {
    private HtmlEscape() {
    }

    /**
     * {@code s} with {@code & < > " '} replaced by character references, so it can stand inside
     * an element or a double- or single-quoted attribute value and is shown as the same text.
     */
    public static String text(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r;
            switch (c) {
                case '&': r = "&amp;"; break;
                case '<': r = "&lt;"; break;
                case '>': r = "&gt;"; break;
                case '"': r = "&quot;"; break;
                case '\'': r = "&#39;"; break;
                default: r = null;
            }
            if (r == null) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            b.append(r);
        }
        return b == null ? s : b.toString();
    }
}
