package io.puredots.analyzer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonWriterTest {

    /** Every component of every record reachable from Report is in the JSON, under its Java name. */
    @Test
    void jsonHoldsEveryReportField() throws Exception {
        Budgets budgets = Budgets.defaults();
        Report report = ReportPipeline.run(ReportRequest.of(List.of(Path.of("../recordings/fixtures/sim-small.jfr")),
                budgets));
        StringWriter out = new StringWriter();
        new JsonWriter().write(report, out);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals(JsonWriter.SCHEMA, root.get("schema").asText());
        assertEquals("schema", root.fieldNames().next());
        checkRecord(Report.class, root, "report");
        for (JsonNode f : root.get("slowFrames").get("worstFrames")) {
            assertTrue(f.get("wallClock").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                    f.toString());
        }
    }

    /** Left out of the JSON on purpose (see {@link JsonWriter}): chart series for the HTML report. */
    private static final String LEFT_OUT = "report.timeline";

    private static void checkRecord(Class<?> type, JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if ((path + "." + c.getName()).equals(LEFT_OUT)) {
                assertTrue(!node.has(c.getName()), LEFT_OUT + " is not in the JSON");
                continue;
            }
            assertTrue(node.has(c.getName()), path + "." + c.getName() + " missing from the JSON");
            JsonNode child = node.get(c.getName());
            Class<?> t = c.getType();
            if (t.isRecord()) {
                checkRecord(t, child, path + "." + c.getName());
            } else if (List.class.isAssignableFrom(t)) {
                Type arg = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                if (arg instanceof Class<?> k && k.isRecord()) {
                    for (JsonNode e : child) {
                        checkRecord(k, e, path + "." + c.getName() + "[]");
                    }
                }
            }
        }
    }
}
