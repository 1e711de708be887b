package io.puredots.analyzer.output.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.SideMetric;
import io.puredots.analyzer.model.compare.Summary;

import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per line per metric, {@code "schema": "puredots-metrics/1"}: the summary a
 * history of runs ({@code trend}, the harness's {@code metrics.jsonl}) keeps of each metric.
 * The keys are a contract with those readers; they are only ever added to.
 *
 * <pre>{@code
 * {"schema":"puredots-metrics/1","metric":"frame.time","unit":"ms","median":2.1,"p95":3.4,"p99":5.0,"mean":2.3,"runs":3,"samples":300000}
 * }</pre>
 * Values are in {@code unit} rounded to 6 significant digits; {@code runs} counts the runs holding
 * the metric, {@code samples} the frames, calls, batches or runs summarised. Stateless and thread-safe.
 */
public final class MetricsJsonl {
    /** Identifies the line layout. */
    public static final String SCHEMA = "puredots-metrics/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private MetricsJsonl() {
    }

    public static void write(Side side, Writer out) throws IOException {
        for (SideMetric m : side.metrics()) {
            Summary s = m.summary();
            ObjectNode o = MAPPER.createObjectNode();
            o.put("schema", SCHEMA);
            o.put("metric", m.metric());
            o.put("unit", m.kind().unit(m.metric()));
            o.put("median", round(s.median()));
            o.put("p95", round(s.p95()));
            o.put("p99", round(s.p99()));
            o.put("mean", round(s.mean()));
            o.put("runs", m.runs().size());
            o.put("samples", s.samples());
            out.write(MAPPER.writeValueAsString(o));
            out.write('\n');
        }
        out.flush();
    }

    private static double round(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
