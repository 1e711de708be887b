package io.puredots.analyzer.output.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * Data for a page's scripts, embedded as JSON inside {@code <script type="application/json">}.
 * The browser ends such a block at the first {@code </script}, whatever JSON quoting says, so
 * {@code <}, {@code >} and {@code &} are written as {@code \u003c}, {@code \u003e},
 * {@code \u0026} (still the same JSON), and U+2028/U+2029 as escapes too (line terminators to
 * older JavaScript parsers). Stateless; thread-safe.
 */
public final class JsonScript {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonScript() {
    }

    /** A new JSON object to fill. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new JSON array to fill. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code value} as compact JSON that is safe between {@code <script ...>} and {@code </script>}. */
    public static String embed(JsonNode value) {
        String json;
        try {
            json = MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder b = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<': b.append("\\u003c"); break;
                case '>': b.append("\\u003e"); break;
                case '&': b.append("\\u0026"); break;
                case '\u2028': b.append("\\u2028"); break;
                case '\u2029': b.append("\\u2029"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code v} rounded to {@code digits} decimals: chart data needs no more, and the page stays small. */
    public static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }
}
