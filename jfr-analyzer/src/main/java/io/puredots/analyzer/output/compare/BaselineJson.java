package io.puredots.analyzer.output.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.compare.SideBuilder;
import io.puredots.analyzer.model.compare.BudgetState;
import io.puredots.analyzer.model.compare.Environment;
import io.puredots.analyzer.model.compare.MetricKind;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.SideMetric;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline file: one {@link Side} as JSON, {@code "schema": "puredots-baseline/1"}. Per metric
 * it keeps what the regression test needs (each run's batch statistics in the base unit: ns,
 * fraction, bytes) and every sample's distribution as a compressed HdrHistogram, never the frames.
 * Fields are only ever added within a schema version; a reader refuses any other schema.
 *
 * <pre>{@code
 * {"schema": "puredots-baseline/1", "commit": "1a2b3c4", "created": "2026-12-01T12:00:00Z",
 *  "inputs": [...], "runs": 3, "batchFrames": 1000, "environment": {...}, "environmentNotes": [],
 *  "budgets": {"source": "default.budgets", "streakFrames": 5,
 *              "checks": [{"id": "frame", "statuses": ["OK", "OK", "OK"], "longestStreak": 2}]},
 *  "metrics": [{"metric": "frame.time", "unit": "ms", "statistic": "p95",
 *               "runs": [[...], [...], [...]], "histogram": "HISTFAAA..."}]}
 * }</pre>
 * Stateless and thread-safe.
 */
public final class BaselineJson {
    /** The one schema this version writes and reads. */
    public static final String SCHEMA = "puredots-baseline/1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private BaselineJson() {
    }

    /** A baseline file that cannot be used: one line saying why. */
    public static final class BadBaselineException extends Exception {
        private static final long serialVersionUID = 1L;

        BadBaselineException(String message) {
            super(message);
        }
    }

    /** Writes {@code side} as a baseline file. */
    public static void write(Side side, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        if (!side.commit().isEmpty()) {
            root.put("commit", side.commit());
        }
        root.put("created", side.created());
        ArrayNode inputs = root.putArray("inputs");
        side.inputs().forEach(inputs::add);
        root.put("runs", side.runs());
        root.put("batchFrames", side.batchFrames());
        Environment e = side.environment();
        ObjectNode env = root.putObject("environment");
        env.put("jdk", e.jdk());
        env.put("jvmName", e.jvmName());
        env.put("jvmArguments", e.jvmArguments());
        env.put("cores", e.cores());
        env.put("hwThreads", e.hwThreads());
        env.put("cpu", e.cpu());
        env.put("os", e.os());
        env.put("gc", e.gc());
        env.put("maxHeapBytes", e.maxHeapBytes());
        ArrayNode notes = root.putArray("environmentNotes");
        side.envNotes().forEach(notes::add);
        ObjectNode budgets = root.putObject("budgets");
        budgets.put("source", side.budgetSource());
        budgets.put("streakFrames", side.streakFrames());
        ArrayNode checks = budgets.putArray("checks");
        for (BudgetState b : side.budgets()) {
            ObjectNode c = checks.addObject();
            c.put("id", b.id());
            ArrayNode s = c.putArray("statuses");
            b.statuses().forEach(s::add);
            c.put("longestStreak", b.longestStreak());
        }
        ArrayNode metrics = root.putArray("metrics");
        for (SideMetric m : side.metrics()) {
            ObjectNode o = metrics.addObject();
            o.put("metric", m.metric());
            o.put("unit", m.kind().unit(m.metric()));
            o.put("statistic", m.kind().statistic(m.metric()));
            ArrayNode runs = o.putArray("runs");
            for (double[] r : m.runs()) {
                ArrayNode a = runs.addArray();
                for (double v : r) {
                    a.add(v);
                }
            }
            o.put("histogram", m.histogram());
        }
        MAPPER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    /**
     * Reads a baseline file.
     *
     * @param name the file as the user named it, for the messages
     * @throws BadBaselineException not JSON, another or no schema, or a field missing or malformed
     */
    public static Side read(String name, Reader in) throws IOException, BadBaselineException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new BadBaselineException("'" + name + "' is not a baseline: not JSON (line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadBaselineException("'" + name + "' is not a baseline: not a JSON object");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new BadBaselineException("'" + name + "' is not a baseline: no \"schema\" (expected '" + SCHEMA + "')");
        }
        if (!schema.asText().equals(SCHEMA)) {
            throw new BadBaselineException("'" + name + "' has schema '" + schema.asText() + "'; this version reads only '"
                    + SCHEMA + "': write it again with jfr-analyzer baseline");
        }
        try {
            JsonNode e = field(root, "environment");
            Environment env = new Environment(text(e, "jdk"), text(e, "jvmName"), text(e, "jvmArguments"),
                    field(e, "cores").asInt(), field(e, "hwThreads").asInt(), text(e, "cpu"), text(e, "os"),
                    text(e, "gc"), field(e, "maxHeapBytes").asLong());
            List<String> inputs = texts(field(root, "inputs"));
            List<String> notes = root.has("environmentNotes") ? texts(root.get("environmentNotes")) : List.of();
            JsonNode b = field(root, "budgets");
            List<BudgetState> budgets = new ArrayList<>();
            for (JsonNode c : field(b, "checks")) {
                budgets.add(new BudgetState(text(c, "id"), texts(field(c, "statuses")), field(c, "longestStreak").asLong()));
            }
            List<SideMetric> metrics = new ArrayList<>();
            for (JsonNode m : field(root, "metrics")) {
                String id = text(m, "metric");
                if (!MetricKind.ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("unknown metric '" + id + "'");
                }
                List<double[]> runs = new ArrayList<>();
                for (JsonNode r : field(m, "runs")) {
                    double[] v = new double[r.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = r.get(i).asDouble();
                    }
                    runs.add(v);
                }
                metrics.add(SideBuilder.restore(id, runs, text(m, "histogram")));
            }
            int batchFrames = field(root, "batchFrames").asInt();
            if (batchFrames < 1) {
                throw new IllegalArgumentException("\"batchFrames\" must be at least 1");
            }
            return new Side(inputs, field(root, "runs").asInt(), batchFrames, env, notes, metrics, budgets,
                    text(b, "source"), field(b, "streakFrames").asInt(),
                    root.has("commit") ? root.get("commit").asText() : "", text(root, "created"));
        } catch (IllegalArgumentException e) {
            throw new BadBaselineException("'" + name + "' is not a valid baseline: " + e.getMessage());
        }
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("no \"" + name + "\"");
        }
        return v;
    }

    private static String text(JsonNode o, String name) {
        return field(o, name).asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
