package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    static final String[] HOSTILE = {"a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "back\\slash\\", "tab\there",
        "nul\u0000", "emoji \ud83d\ude00", "  spaces  ", "=1+1", "'quoted'", "semi;colon", "\u2028sep"};

    @Test
    void csvCarriesEveryNameThroughRfc4180Quoting() throws IOException {
        Point[] points = new Point[HOSTILE.length];
        for (int i = 0; i < HOSTILE.length; i++) {
            points[i] = Point.raw(Metric.FRAME_TIME, i, Point.tags("level", "system", "group", HOSTILE[i], "system", "s" + i), 1_000_000);
        }
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PointWriter w = PointFormat.CSV.open(bytes, true, warnings::add)) {
            for (Point p : points) {
                w.write(p);
            }
        }
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(bytes.toString(StandardCharsets.UTF_8))).getRecords();
        assertEquals(HOSTILE.length, rows.size());
        for (int i = 0; i < HOSTILE.length; i++) {
            String cell = rows.get(i).get("group");
            String expected = HOSTILE[i].startsWith("=") ? "'" + HOSTILE[i] : HOSTILE[i]; // formula guard
            assertEquals(expected, cell);
            assertEquals("s" + i, rows.get(i).get("system"));
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void jsonLinesCarryEveryName() throws IOException {
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PointWriter w = PointFormat.JSONL.open(bytes, true, warnings::add)) {
            for (int i = 0; i < HOSTILE.length; i++) {
                w.write(Point.raw(Metric.FRAME_TIME, i, Point.tags("level", "group", "group", HOSTILE[i]), 1_000_000));
            }
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(HOSTILE.length, lines.size(), "one line per point: newlines in names are escaped");
        ObjectMapper om = new ObjectMapper();
        for (int i = 0; i < HOSTILE.length; i++) {
            assertEquals(HOSTILE[i], om.readTree(lines.get(i)).get("tags").get("group").asText());
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void loneSurrogateIsReplacedCountedAndWarnedInEveryFormat() throws IOException {
        for (PointFormat f : PointFormat.values()) {
            List<String> warnings = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PointWriter w = f.open(bytes, true, warnings::add)) {
                w.write(Point.raw(Metric.FRAME_TIME, 1, Point.tags("level", "group", "group", "x\ud83d"), 1_000_000));
                w.write(Point.raw(Metric.FRAME_TIME, 2, Point.tags("level", "group", "group", "x\ud83d"), 1_000_000));
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("x?") && !text.contains("\ufffd"), f + ": " + text);
            assertEquals(1, warnings.size(), f + ": " + warnings);
            assertTrue(warnings.get(0).contains("cannot carry the value of tag 'group' 'x\\ud83d' of series frame_time{group=\"x\\ud83d\",level=\"group\"}: written as 'x?'"),
                    warnings.get(0));
        }
    }

    @Test
    void influxFileIsOneLinePerPoint() throws IOException {
        Point p = Point.raw(Metric.HEAP_USED, 3, Point.tags("when", "after_gc"), 1024);
        assertEquals("heap_used,when=after_gc value=1024i 3\n", write(PointFormat.INFLUX, p));
    }
}
