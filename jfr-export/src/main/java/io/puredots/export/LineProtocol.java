package io.puredots.export;

/**
 * InfluxDB line protocol for {@link Point}s:
 * <pre>{@code
 * frame_time,group=Spatial\ Group,level=group value=1.25 1700000000123456789
 * }</pre>
 * Escaping: commas and spaces in the measurement; commas, {@code =} and spaces in tag keys, tag
 * values and field keys; {@code "} and {@code \} in string field values. Tags are written sorted by
 * key (points keep them sorted), integer fields carry the {@code i} suffix, timestamps are epoch
 * nanoseconds. A newline or carriage return anywhere cannot be carried and is refused with an
 * {@link ExportException}; so are NaN and infinite numbers.
 *
 * <p>Stateless; safe from any thread.
 */
public final class LineProtocol {
    private LineProtocol() {
    }

    /** Appends one point, without the trailing newline. */
    public static void append(StringBuilder sb, Point p) {
        String m = p.metric();
        check(m, "measurement", p);
        escape(sb, m, false);
        for (int i = 0; i < p.tagCount(); i++) {
            sb.append(',');
            String k = p.tagKey(i);
            String v = p.tagValue(i);
            check(k, "tag key", p);
            check(v, "value of tag '" + k + "'", p);
            escape(sb, k, true);
            sb.append('=');
            escape(sb, v, true);
        }
        sb.append(' ');
        for (int i = 0; i < p.fieldCount(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = p.fieldName(i);
            check(f, "field key", p);
            escape(sb, f, true);
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
                    check(s, "value of field '" + f + "'", p);
                    sb.append('"');
                    for (int c = 0; c < s.length(); c++) {
                        char ch = s.charAt(c);
                        if (ch == '"' || ch == '\\') {
                            sb.append('\\');
                        }
                        sb.append(ch);
                    }
                    sb.append('"');
            }
        }
        sb.append(' ').append(p.timestampNanos());
    }

    /** The point as one line, without the trailing newline. */
    public static String line(Point p) {
        StringBuilder sb = new StringBuilder(96);
        append(sb, p);
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

    private static void escape(StringBuilder sb, String s, boolean equalsToo) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ' ' || (equalsToo && c == '=')) {
                sb.append('\\');
            }
            sb.append(c);
        }
    }

    private static void check(String s, String what, Point p) {
        if (s == null || s.isEmpty()) {
            throw new ExportException("line protocol cannot carry an empty " + what + " in " + p.metric());
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new ExportException("line protocol cannot carry a newline: " + what + " in "
                        + p.metric() + " is '" + s.replace("\n", "\\n").replace("\r", "\\r") + "'");
            }
        }
    }
}
