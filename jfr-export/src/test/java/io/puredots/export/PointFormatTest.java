package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PointFormatTest {
    private static String write(PointFormat f, Point... points) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PointWriter w = f.open(bytes, true)) {
            for (Point p : points) {
                w.write(p);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesHasThePlanShapeWithNanosecondTimestamp() throws IOException {
        Point p = Point.raw(Metric.FRAME_TIME, 1_700_000_000_123_456_789L,
                Point.tags("level", "system", "system", "Move\"System", "group", "G"), 15_200_000);
        String text = write(PointFormat.JSONL, p, p);
        List<String> lines = text.lines().toList();
        assertEquals(2, lines.size());
        assertEquals("{\"timestamp\":1700000000123456789,\"metric\":\"frame_time\",\"value\":15.2,"
                + "\"tags\":{\"group\":\"G\",\"level\":\"system\",\"system\":\"Move\\\"System\"}}", lines.get(0));
        assertEquals(text.length(), lines.get(0).length() * 2 + 2);
    }

    @Test
    void jsonLinesWindowCarriesStatisticsInFields() throws IOException {
        Point p = Point.window(Metric.JOB_RUN_TIME, 10, Point.tags("job", "J"), 1.5, 2.0, 3.0, 7);
        JsonNode n = new ObjectMapper().readTree(write(PointFormat.JSONL, p));
        assertEquals(1.5, n.get("value").asDouble());
        assertEquals(2.0, n.get("fields").get("p95").asDouble());
        assertEquals(3.0, n.get("fields").get("max").asDouble());
        assertEquals(7, n.get("fields").get("count").asLong());
        assertEquals("J", n.get("tags").get("job").asText());
    }

    @Test
    void jsonLinesOfNothingIsEmpty() throws IOException {
        assertEquals("", write(PointFormat.JSONL));
    }

    @Test
    void csvHasHeaderAndOneRowPerPoint() throws IOException {
        Point p = Point.raw(Metric.ENTITY_COUNT, 99, Point.tags("archetype", "Villager, Old"), 42);
        List<String> lines = write(PointFormat.CSV, p).lines().toList();
        assertEquals("timestamp,metric,level,group,system,archetype,registry,owner,kind,when,job,worker,collector,"
                + "budget,severity,value,mean,p95,max,count,limit,consecutive_frames,unit", lines.get(0));
        assertEquals("99,entity_count,,,,\"Villager, Old\",,,,,,,,,,42,,,,,,,", lines.get(1));
    }

    @Test
    void csvNeutralizesFormulaCellsButNotNegativeNumbers() throws IOException {
        Point p = Point.of("budget_violation", 1, Point.tags("budget", "=HYPERLINK(\"x\")", "severity", "+1",
                        "group", "-2", "system", "@SUM(A1)"),
                new String[] {"value", "unit"}, new Point.FieldType[] {Point.FieldType.FLOAT, Point.FieldType.STRING},
                new double[] {-1.5, 0}, new String[] {null, "=cmd|' /C calc'!A0"});
        String row = write(PointFormat.CSV, p).lines().toList().get(1);
        assertEquals("1,budget_violation,,'-2,'@SUM(A1),,,,,,,,,\"'=HYPERLINK(\"\"x\"\")\",'+1,-1.5,,,,,,,'=cmd|' /C calc'!A0", row);
        assertFalse(row.contains(",=") || row.contains(",+") || row.contains(",@"));
    }

    @Test
    void influxFileIsOneLinePerPoint() throws IOException {
        Point p = Point.raw(Metric.HEAP_USED, 3, Point.tags("when", "after_gc"), 1024);
        assertEquals("heap_used,when=after_gc value=1024i 3\n", write(PointFormat.INFLUX, p));
    }
}
