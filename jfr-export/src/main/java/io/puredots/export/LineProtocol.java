package io.puredots.export;

/**
 * InfluxDB line protocol for {@link Point}s:
 * <pre>{@code
 * frame_time,group=Spatial\ Group,level=group value=1.25 1700000000123456789
 * }</pre>
 * Escaping: commas and spaces in the measurement; commas, {@code =} and spaces in tag keys, tag
 * values and field keys; {@code "} and {@code \} in string field values. Tags are written sorted by
 * key (points keep them sorted), integer fields carry the {@code i} suffix, timestamps are epoch
 * nanoseconds.
 *
 * <p>What line protocol cannot carry is replaced by {@value NameReplacer#REPLACEMENT}, one
 * character for one, and never stops a write:
 * <ul>
 *   <li>a line feed or carriage return (a line ends there for line-oriented readers) and a lone
 *       surrogate (not encodable in UTF-8), anywhere. Other control characters are carried: influxd
 *       1.6 stores them as they are;</li>
 *   <li>in a measurement, tag key, tag value or field key, a backslash at the end or before
 *       {@code \ , =} or a space: InfluxDB 1.x reads a backslash there as an escape and has no way
 *       to write it literally, and 2.x and VictoriaMetrics read {@code \\} as one backslash where
 *       1.x keeps two. A backslash before any other character is written as it is and read back as
 *       itself;</li>
 *   <li>an empty measurement, tag key or field key, and a {@code #} starting a measurement (a
 *       comment line to InfluxDB 1.x).</li>
 * </ul>
 * A tag with an empty value is left out: InfluxDB has no empty tag values and reads an absent tag
 * as empty. NaN and infinite numbers cannot be written: they are refused with an
 * {@link ExportException}.
 *
 * <p>Stateless; safe from any thread.
 */
public final class LineProtocol {
    private static final char REPLACEMENT = NameReplacer.REPLACEMENT;

    private LineProtocol() {
    }

    /** Appends one point, without the trailing newline; names it cannot carry are replaced silently. */
    public static void append(StringBuilder sb, Point p) {
        append(sb, p, null);
    }

    /**
     * Appends one point, without the trailing newline.
     *
     * @param names told about the point if a name had to be replaced; null for none
     */
    static void append(StringBuilder sb, Point p, NameReplacer names) {
        int start = sb.length();
        String m = p.metric();
        boolean intact = appendName(sb, m, false);
        String written = null; // null: carried(original)
        if (!m.isEmpty() && m.charAt(0) == '#') {
            sb.setCharAt(start, REPLACEMENT);
            intact = false;
            written = REPLACEMENT + carried(m).substring(1);
        }
        String what = intact ? null : "measurement";
        String original = m;
        for (int i = 0; i < p.tagCount(); i++) {
            String k = p.tagKey(i);
            String v = p.tagValue(i);
            if (v == null || v.isEmpty()) {
                if (what == null) {
                    what = "empty value of tag '" + k + "'";
                    original = "";
                    written = "no tag";
                }
                continue;
            }
            sb.append(',');
            if (!appendName(sb, k, true) && what == null) {
                what = "tag key";
                original = k;
            }
            sb.append('=');
            if (!appendName(sb, v, true) && what == null) {
                what = "value of tag '" + k + "'";
                original = v;
            }
        }
        sb.append(' ');
        for (int i = 0; i < p.fieldCount(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = p.fieldName(i);
            if (!appendName(sb, f, true) && what == null) {
                what = "field key";
                original = f;
            }
            sb.append('=');
            switch (p.fieldType(i)) {
                case INTEGER:
                    sb.append((long) p.number(i)).append('i');
                    break;
                case FLOAT:
                    appendFloat(sb, p.number(i), f, p);
                    break;
                default:
                    String s = p.string(i);
                    if (!appendString(sb, s) && what == null) {
                        what = "value of field '" + f + "'";
                        original = s;
                        written = carriedString(s);
                    }
            }
        }
        sb.append(' ').append(p.timestampNanos());
        if (what != null && names != null) {
            names.replaced(p, what, original, written != null ? written : carried(original));
        }
    }

    /** The point as one line, without the trailing newline. */
    public static String line(Point p) {
        StringBuilder sb = new StringBuilder(96);
        append(sb, p);
        return sb.toString();
    }

    /**
     * A measurement, tag or field name as InfluxDB stores it when this class writes it: with the
     * characters line protocol cannot carry replaced, unescaped.
     */
    static String carried(String name) {
        if (name == null || name.isEmpty()) {
            return String.valueOf(REPLACEMENT);
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(replaced(name, i) ? REPLACEMENT : c);
        }
        return sb.toString();
    }

    private static String carriedString(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\n' || c == '\r' || NameReplacer.isLoneSurrogate(s, i) ? REPLACEMENT : c);
        }
        return sb.toString();
    }

    private static void appendFloat(StringBuilder sb, double d, String field, Point p) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ExportException("line protocol cannot carry " + d + " in field '" + field + "' of " + p.metric());
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d); // 15 rather than 15.0: still a float field, as it carries no 'i'
        } else {
            sb.append(d);
        }
    }

    /** Appends a measurement, key or tag value, escaped; false if a character had to be replaced. */
    private static boolean appendName(StringBuilder sb, String s, boolean escapeEquals) {
        if (s == null || s.isEmpty()) {
            sb.append(REPLACEMENT);
            return false;
        }
        boolean intact = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
                sb.append('\\').append(c);
            } else if (replaced(s, i)) {
                sb.append(REPLACEMENT);
                intact = false;
            } else {
                sb.append(c);
            }
        }
        return intact;
    }

    /** Whether character i of a name is one line protocol cannot carry there. */
    private static boolean replaced(String s, int i) {
        char c = s.charAt(i);
        if (c == '\\') {
            if (i + 1 == s.length()) {
                return true;
            }
            char next = s.charAt(i + 1);
            return next == '\\' || next == ',' || next == ' ' || next == '=';
        }
        return c == '\n' || c == '\r' || NameReplacer.isLoneSurrogate(s, i);
    }

    /** Appends a quoted string field value; false if a character had to be replaced. */
    private static boolean appendString(StringBuilder sb, String s) {
        boolean intact = true;
        sb.append('"');
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c == '\n' || c == '\r' || NameReplacer.isLoneSurrogate(s, i)) {
                    sb.append(REPLACEMENT);
                    intact = false;
                } else {
                    sb.append(c);
                }
            }
        }
        sb.append('"');
        return intact;
    }
}
