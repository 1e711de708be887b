package io.puredots.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * What a server said when it refused some or all lines of a write: how many lines it refused,
 * when it said so, and its reason, shortened to the first refused lines. The answers read:
 * <pre>
 * InfluxDB 1.x, 400 {"error":"partial write: REASON dropped=N"}
 *     N points refused for REASON (type conflict, retention); the rest stored
 * InfluxDB 1.x, 400 {"error":"partial write: unable to parse 'LINE': WHY\nunable to parse 'LINE': WHY dropped=0"}
 *     one refused line per "unable to parse" (a line cannot hold a newline); the rest stored
 * InfluxDB 1.x, 400 {"error":"unable to parse ..."} or any 400 without "partial write"
 *     nothing stored (1.x answers so only when no point was written); 2.x and VictoriaMetrics, too
 * InfluxDB 2.x, 422 {"code":"unprocessable entity","message":"..."}, or a partial write without a count
 *     some stored, how many not said: the count is unknown
 * </pre>
 * InfluxDB 1.x's answer has a blind spot: when a batch has both lines it cannot parse and points
 * it drops for another reason, it reports only the latter. The writers here produce only lines
 * it can parse.
 *
 * <p>Reads the body with Jackson's streaming parser and plain string searches, never a
 * backtracking regular expression: bodies can be megabytes (one message per refused line).
 *
 * <p>Immutable.
 */
final class WriteRefusal {
    /** Refused lines shown in a reason, at most. */
    static final int MAX_LINES_SHOWN = 3;
    /** Characters of one refused line or message shown, at most. */
    static final int MAX_CHARS_SHOWN = 200;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String PARTIAL = "partial write:";
    private static final String UNPARSABLE = "unable to parse ";
    private static final String DROPPED = " dropped=";

    /** Lines refused, at most the batch's; -1 when the server did not say how many. */
    final long refused;
    /** The server's reason, one line, shortened; empty if it gave none. */
    final String reason;

    private WriteRefusal(long refused, String reason) {
        this.refused = refused;
        this.reason = reason;
    }

    /**
     * @param status the HTTP status, 400 to 499
     * @param body the response body, or null
     * @param lines lines in the refused batch
     */
    static WriteRefusal of(int status, String body, long lines) {
        String message = message(body);
        if (message.startsWith(PARTIAL)) {
            String rest = message.substring(PARTIAL.length()).strip();
            long dropped = -1;
            int at = rest.lastIndexOf(DROPPED);
            if (at >= 0 && isDigits(rest, at + DROPPED.length())) {
                dropped = parseCount(rest.substring(at + DROPPED.length()));
                rest = rest.substring(0, at).strip();
            }
            long unparsable = 0;
            StringBuilder shown = new StringBuilder();
            int lineStart = 0;
            int shownLines = 0;
            while (lineStart <= rest.length()) {
                int end = rest.indexOf('\n', lineStart);
                if (end < 0) {
                    end = rest.length();
                }
                if (rest.startsWith(UNPARSABLE, lineStart)) {
                    unparsable++;
                    if (shownLines++ < MAX_LINES_SHOWN) {
                        appendShort(shown.length() == 0 ? shown : shown.append("; "), rest, lineStart, end);
                    }
                }
                lineStart = end + 1;
            }
            if (shownLines > MAX_LINES_SHOWN) {
                shown.append("; and ").append(shownLines - MAX_LINES_SHOWN).append(" more lines");
            }
            String reason = unparsable > 0 ? shown.toString() : shorten(rest);
            if (dropped < 0) {
                return new WriteRefusal(-1, reason);
            }
            return new WriteRefusal(Math.min(lines, unparsable + dropped), reason);
        }
        if (status == 400 && !message.contains("partial")) {
            return new WriteRefusal(lines, shorten(message));
        }
        return new WriteRefusal(-1, shorten(message));
    }

    /** The "error" or "message" of a JSON body, else the body itself. */
    private static String message(String body) {
        if (body == null) {
            return "";
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.VALUE_STRING && (name.equals("error") || name.equals("message"))) {
                        return p.getText().strip();
                    }
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // a plain-text answer: shown as it is
        }
        return body.strip();
    }

    private static boolean isDigits(String s, int from) {
        if (from >= s.length()) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseCount(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static String shorten(String s) {
        return appendShort(new StringBuilder(), s, 0, s.length()).toString();
    }

    /** Appends s[from, to) on one line, cut at {@link #MAX_CHARS_SHOWN} characters. */
    private static StringBuilder appendShort(StringBuilder sb, String s, int from, int to) {
        int end = Math.min(to, from + MAX_CHARS_SHOWN);
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (end < to) {
            sb.append("...");
        }
        return sb;
    }
}
