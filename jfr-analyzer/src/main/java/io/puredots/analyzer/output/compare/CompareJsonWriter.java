package io.puredots.analyzer.output.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.compare.BudgetComparison;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.Environment;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.Summary;

import java.io.IOException;
import java.io.Writer;

/**
 * The comparison as one JSON object, {@code "schema": "puredots-compare/1"}: the summary, both
 * sides (inputs, runs, environment), warnings, every metric (summaries in the metric's unit,
 * change, interval, p-value, threshold, verdict; {@code null} where a number does not apply) and
 * every budget on both sides. Fields are only ever added. Stateless.
 */
public final class CompareJsonWriter implements CompareWriter {
    /** Identifies the JSON layout. */
    public static final String SCHEMA = "puredots-compare/1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Comparison c, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("regression", c.regressed());
        root.put("summary", CompareWords.summary(c));
        side(root.putObject("baseline"), c.baseline());
        side(root.putObject("current"), c.current());
        ArrayNode warnings = root.putArray("warnings");
        c.warnings().forEach(warnings::add);
        root.put("streakFrames", c.streakFrames());
        ArrayNode metrics = root.putArray("metrics");
        for (MetricComparison m : CompareWords.ordered(c)) {
            ObjectNode o = metrics.addObject();
            o.put("metric", m.metric());
            o.put("unit", m.unit());
            o.put("statistic", m.statistic());
            summary(o.putObject("baseline"), m.baseline());
            summary(o.putObject("current"), m.current());
            number(o, "deltaPercent", m.deltaPercent());
            number(o, "ciLowPercent", m.ciLowPercent());
            number(o, "ciHighPercent", m.ciHighPercent());
            number(o, "pValue", m.pValue());
            number(o, "thresholdPercent", m.thresholdPercent());
            o.put("baselineUnits", m.baselineUnits());
            o.put("currentUnits", m.currentUnits());
            o.put("verdict", m.verdict().name());
            o.put("note", m.note());
        }
        ArrayNode budgets = root.putArray("budgets");
        for (BudgetComparison b : c.budgets()) {
            ObjectNode o = budgets.addObject();
            o.put("id", b.id());
            o.put("baseline", b.baseline());
            o.put("current", b.current());
            o.put("baselineStreak", b.baselineStreak());
            o.put("currentStreak", b.currentStreak());
            o.put("newlyViolated", b.newlyViolated());
        }
        MAPPER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    private static void side(ObjectNode o, Side s) {
        ArrayNode inputs = o.putArray("inputs");
        s.inputs().forEach(inputs::add);
        o.put("runs", s.runs());
        o.put("batchFrames", s.batchFrames());
        if (!s.commit().isEmpty()) {
            o.put("commit", s.commit());
        }
        if (!s.created().isEmpty()) {
            o.put("created", s.created());
        }
        Environment e = s.environment();
        ObjectNode env = o.putObject("environment");
        env.put("jdk", e.jdk());
        env.put("cores", e.cores());
        env.put("hwThreads", e.hwThreads());
        env.put("gc", e.gc());
        env.put("maxHeapBytes", e.maxHeapBytes());
        env.put("cpu", e.cpu());
        env.put("os", e.os());
    }

    private static void summary(ObjectNode o, Summary s) {
        o.put("samples", s.samples());
        number(o, "mean", s.mean());
        number(o, "median", s.median());
        number(o, "p95", s.p95());
        number(o, "p99", s.p99());
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
