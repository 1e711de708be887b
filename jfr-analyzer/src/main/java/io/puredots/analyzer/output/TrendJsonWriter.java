package io.puredots.analyzer.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.trend.ChangePoint;
import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.model.trend.TrendRun;

import java.io.IOException;
import java.io.Writer;

/**
 * The {@link Trend} as one JSON object ({@code "schema": "puredots-trend/1"}): runs with their
 * time as an ISO-8601 instant, each metric's values by run ({@code null} where a run has none)
 * and its change points, each naming its run by number, commit and time. Fields are only ever
 * added. Thread-safe.
 */
public final class TrendJsonWriter implements TrendWriter {
    /** Identifies the JSON layout; bumped only on an incompatible change. */
    public static final String SCHEMA = "puredots-trend/1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(Trend t, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("statistic", t.statistic());
        root.put("method", t.method());
        root.put("minChangePercent", t.minChangePercent());
        ArrayNode runs = root.putArray("runs");
        for (TrendRun r : t.runs()) {
            runs.addObject().put("run", r.number()).put("name", r.name()).put("time", r.time().toString())
                    .put("commit", r.commit()).put("shortCommit", r.shortCommit()).put("dirty", r.dirty());
        }
        ArrayNode metrics = root.putArray("metrics");
        for (MetricTrend m : t.metrics()) {
            ObjectNode mn = metrics.addObject().put("metric", m.metric()).put("unit", m.unit());
            ArrayNode values = mn.putArray("values");
            for (double v : m.values()) {
                if (Double.isNaN(v)) {
                    values.addNull();
                } else {
                    values.add(v);
                }
            }
            ArrayNode changes = mn.putArray("changePoints");
            for (ChangePoint c : m.changePoints()) {
                TrendRun r = t.runs().get(c.run() - 1);
                ObjectNode cn = changes.addObject().put("run", c.run()).put("commit", r.commit())
                        .put("time", r.time().toString()).put("before", c.before()).put("after", c.after());
                if (Double.isNaN(c.changePercent())) {
                    cn.putNull("changePercent");
                } else {
                    cn.put("changePercent", c.changePercent());
                }
                cn.put("pValue", c.pValue());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        t.warnings().forEach(warnings::add);
        MAPPER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }
}
