package io.puredots.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    void tagValueEndingInBackslashIsReplacedNotLeftToEscapeTheSpace() {
        // "a\" followed by the space before the fields would read as an escaped space: an invalid line
        assertEquals("m,group=a? value=1i 1700000000123456789", LineProtocol.line(raw("m", Point.tags("group", "a\\"), 1)));
    }

    @Test
    void backslashBeforeAnOrdinaryCharacterIsWrittenAsItIs() {
        assertEquals("m,group=C:\\dir\\x value=1i 1700000000123456789",
                LineProtocol.line(raw("m", Point.tags("group", "C:\\dir\\x"), 1)));
    }

    @Test
    void backslashBeforeASpecialCharacterOrAnotherBackslashIsReplaced() {
        Point p = raw("m", Point.tags("group", "a\\,b\\ c\\=d\\\"e\\\\f"), 1);
        assertEquals("m,group=a?\\,b?\\ c?\\=d\\\"e?\\f value=1i 1700000000123456789", LineProtocol.line(p));
    }

    @Test
    void lineFeedAndCarriageReturnAreReplacedCountedAndWarnedOncePerSeries() throws IOException {
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LineProtocolWriter w = new LineProtocolWriter(bytes, true, warnings::add);
        w.write(raw("frame_time", Point.tags("group", "a\nb", "level", "group"), 1));
        w.write(raw("frame_time", Point.tags("group", "a\nb", "level", "group"), 2));
        w.write(raw("frame_time", Point.tags("group", "x\u0000\ty\r", "level", "group"), 3));
        w.write(raw("frame_time", Point.tags("group", "fine", "level", "group"), 4));
        w.close();
        assertEquals(List.of(
                "frame_time,group=a?b,level=group value=1i 1700000000123456789",
                "frame_time,group=a?b,level=group value=2i 1700000000123456789",
                "frame_time,group=x\u0000\ty?,level=group value=3i 1700000000123456789",
                "frame_time,group=fine,level=group value=4i 1700000000123456789"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(3, w.replacedPoints());
        assertEquals(List.of(
                "line protocol cannot carry the value of tag 'group' 'a\\nb' of series frame_time{group=\"a\\nb\",level=\"group\"}:"
                        + " written as 'a?b' in this and later points",
                "line protocol cannot carry the value of tag 'group' 'x\\u0000\\ty\\r' of series"
                        + " frame_time{group=\"x\\u0000\\ty\\r\",level=\"group\"}: written as 'x\\u0000\\ty?' in this and later points"),
                warnings);
    }

    @Test
    void otherControlCharactersAreCarriedAsInfluxdStoresThem() {
        assertEquals("m,group=a\tb\u0000c\u007fd\u0085 value=1i 1700000000123456789",
                LineProtocol.line(raw("m", Point.tags("group", "a\tb\u0000c\u007fd\u0085"), 1)));
    }

    @Test
    void newlineInMeasurementAndStringFieldIsReplaced() {
        assertEquals("a?b value=1i 1700000000123456789", LineProtocol.line(raw("a\nb", new String[0], 1)));
        Point p = Point.of("m", 1, new String[0], new String[] {"s"}, new Point.FieldType[] {Point.FieldType.STRING},
                new double[] {0}, new String[] {"x\r\ny \\ \"z\""});
        assertEquals("m s=\"x??y \\\\ \\\"z\\\"\" 1", LineProtocol.line(p));
    }

    @Test
    void loneSurrogateIsReplacedButAPairIsKept() {
        Point p = raw("m", Point.tags("group", "\ud83d\ude00 \ud83d", "system", "\ude00x"), 1);
        assertEquals("m,group=\ud83d\ude00\\ ?,system=?x value=1i 1700000000123456789", LineProtocol.line(p));
    }

    @Test
    void emptyTagValueIsLeftOutAndEmptyKeysAndCommentMeasurementAreReplaced() {
        String[] tags = {"a", "", "b", "x"};
        assertEquals("m,b=x value=1i 1700000000123456789", LineProtocol.line(raw("m", tags, 1)));
        assertEquals("? value=1i 1700000000123456789", LineProtocol.line(raw("", new String[0], 1)));
        assertEquals("?m value=1i 1700000000123456789", LineProtocol.line(raw("#m", new String[0], 1)));
        assertEquals("m,?=x value=1i 1700000000123456789", LineProtocol.line(raw("m", new String[] {"", "x"}, 1)));
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
