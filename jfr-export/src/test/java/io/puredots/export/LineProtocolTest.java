package io.puredots.export;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LineProtocolTest {
    private static Point raw(String metric, String[] tags, long raw) {
        return Point.of(metric, 1_700_000_000_123_456_789L, tags, new String[] {"value"},
                new Point.FieldType[] {Point.FieldType.INTEGER}, new double[] {raw}, null);
    }

    @Test
    void writesSortedTagsIntegerSuffixAndNanosecondTimestamp() {
        Point p = Point.raw(Metric.ENTITY_COUNT, 1_700_000_000_123_456_789L, Point.tags("z", "1", "archetype", "Villager"), 42);
        assertEquals("entity_count,archetype=Villager,z=1 value=42i 1700000000123456789", LineProtocol.line(p));
    }

    @Test
    void writesScaledFloatWithoutSuffix() {
        Point p = Point.raw(Metric.FRAME_TIME, 5, Point.tags("level", "frame"), 15_200_000);
        assertEquals("frame_time,level=frame value=15.2 5", LineProtocol.line(p));
    }

    @Test
    void escapesCommaAndSpaceInMeasurement() {
        assertEquals("a\\,b\\ c=d value=1i 1700000000123456789", LineProtocol.line(raw("a,b c=d", new String[0], 1)));
    }

    @Test
    void escapesCommaEqualsAndSpaceInTagKeysAndValues() {
        Point p = raw("m", Point.tags("k,=  y", "v a,l=ue"), 1);
        assertEquals("m,k\\,\\=\\ \\ y=v\\ a\\,l\\=ue value=1i 1700000000123456789", LineProtocol.line(p));
    }

    @Test
    void escapesFieldKeysAndQuotesAndBackslashesInStringFields() {
        Point p = Point.of("m", 1, new String[0], new String[] {"f k=,", "s"},
                new Point.FieldType[] {Point.FieldType.FLOAT, Point.FieldType.STRING}, new double[] {2.5, 0},
                new String[] {null, "say \"hi\" \\o/"});
        assertEquals("m f\\ k\\=\\,=2.5,s=\"say \\\"hi\\\" \\\\o/\" 1", LineProtocol.line(p));
    }

    @Test
    void refusesNewlineInTagValueWithClearMessage() {
        ExportException e = assertThrows(ExportException.class,
                () -> LineProtocol.line(raw("frame_time", Point.tags("group", "a\nb"), 1)));
        assertEquals("line protocol cannot carry a newline: value of tag 'group' in frame_time is 'a\\nb'", e.getMessage());
    }

    @Test
    void refusesNewlineInMeasurementAndStringField() {
        assertThrows(ExportException.class, () -> LineProtocol.line(raw("a\nb", new String[0], 1)));
        Point p = Point.of("m", 1, new String[0], new String[] {"s"}, new Point.FieldType[] {Point.FieldType.STRING},
                new double[] {0}, new String[] {"x\r\ny"});
        ExportException e = assertThrows(ExportException.class, () -> LineProtocol.line(p));
        assertEquals("line protocol cannot carry a newline: value of field 's' in m is 'x\\r\\ny'", e.getMessage());
    }

    @Test
    void refusesNaN() {
        Point p = Point.rawDouble(Metric.WORKER_UTILIZATION, 1, new String[0], Double.NaN);
        assertThrows(ExportException.class, () -> LineProtocol.line(p));
    }

    @Test
    void tagsDropEmptyValues() {
        assertEquals(2, Point.tags("a", "", "b", null, "c", "x").length);
    }

    @Test
    void windowHasMeanP95MaxAndIntegerCount() {
        Point p = Point.window(Metric.REGISTRY_ENTRY_COUNT, 10, Point.tags("registry", "R"), 10.5, 12, 13, 4);
        assertEquals("registry_entry_count,registry=R mean=10.5,p95=12i,max=13i,count=4i 10", LineProtocol.line(p));
    }
}
