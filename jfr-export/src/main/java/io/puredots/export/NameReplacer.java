package io.puredots.export;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a writer does with a name its format cannot carry: the name is written with the offending
 * characters replaced by {@value #REPLACEMENT} (the rules are the format's, see {@link LineProtocol}),
 * the point is counted, and the first point of each series gets one warning naming the series.
 * A point is never dropped for its names and an export is never stopped by one.
 *
 * <p>Not thread-safe: one per writer, used by its producer thread; {@link #points()} may be read
 * from any thread.
 */
final class NameReplacer {
    /** Written in place of a character a format cannot carry. */
    static final char REPLACEMENT = '?';
    /** Series warned about, at most; later series are still counted. */
    static final int MAX_WARNED_SERIES = 100;

    private final String format;
    private final Consumer<String> warnings;
    private final Set<String> warned = new HashSet<>();
    private volatile long points; // written by the producer thread only; read from any
    private String pointWhat; // the first name replaced in the point being written, for pointDone
    private String pointOriginal;

    /**
     * @param format what to call the format in warnings ({@code line protocol}, {@code csv}, {@code json})
     * @param warnings receives one line per series
     */
    NameReplacer(String format, Consumer<String> warnings) {
        this.format = format;
        this.warnings = warnings;
    }

    /** Records that one point was written with a name changed; call once per point. */
    void replaced(Point p, String what, String original, String written) {
        points = points + 1;
        String series = series(p);
        if (warned.size() < MAX_WARNED_SERIES && warned.add(series)) {
            warnings.accept(format + " cannot carry the " + what + " " + quoted(original) + " of series " + series
                    + ": written as " + quoted(written) + " in this and later points");
        }
    }

    /**
     * For formats that carry every character but lone surrogates (CSV, JSON): {@code s} with them
     * replaced, remembering the point's first replacement for {@link #pointDone}. Null stays null.
     *
     * @param what what {@code s} is, for the warning: {@code metric}, {@code value of tag}, ...
     * @param key the tag or field key {@code s} belongs to, or null
     */
    String surrogateFree(String s, String what, String key) {
        String t = withoutLoneSurrogates(s);
        if (t != s && pointWhat == null) {
            pointWhat = key == null ? what : what + " '" + key + "'";
            pointOriginal = s;
        }
        return t;
    }

    /** Ends the point whose names went through {@link #surrogateFree}: counts and warns if one was replaced. */
    void pointDone(Point p) {
        if (pointWhat != null) {
            replaced(p, pointWhat, pointOriginal, withoutLoneSurrogates(pointOriginal));
            pointWhat = null;
            pointOriginal = null;
        }
    }

    /** Points written with at least one name replaced. */
    long points() {
        return points;
    }

    /** The series as a person reads it: {@code frame_time{group="a\nb",level="group"}}. */
    static String series(Point p) {
        StringBuilder sb = new StringBuilder(64);
        visible(sb, p.metric());
        sb.append('{');
        for (int i = 0; i < p.tagCount(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            visible(sb, p.tagKey(i));
            sb.append("=\"");
            visible(sb, p.tagValue(i));
            sb.append('"');
        }
        return sb.append('}').toString();
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        visible(sb, s);
        return sb.append('\'').toString();
    }

    /** Appends {@code s} with control characters and lone surrogates as Java escapes, so a warning stays one line. */
    static void visible(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || isLoneSurrogate(s, i)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
    }

    /** Whether {@code s.charAt(i)} is half of a surrogate pair without its other half (UTF-8 cannot encode it). */
    static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** {@code s} with lone surrogates replaced, or {@code s} itself when it has none; null stays null. */
    static String withoutLoneSurrogates(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            if (isLoneSurrogate(s, i)) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, REPLACEMENT);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
