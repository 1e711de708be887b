package io.puredots.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * JSON Lines, one metric point per line:
 * <pre>{@code
 * {"timestamp":1700000000123456789,"metric":"frame_time","value":15.2,"tags":{"group":"SpatialSystemGroup","level":"group"}}
 * {"timestamp":1700000000000000000,"metric":"frame_time","value":15.1,"tags":{"level":"frame"},"fields":{"p95":16.9,"max":18.2,"count":60}}
 * }</pre>
 * {@code timestamp} is nanoseconds since the Unix epoch, from the recording. {@code value} is the
 * point's first field (the sample; for a window, the mean); further fields are in {@code fields}.
 * Written with Jackson's streaming generator, which does the JSON string escaping (quotes,
 * backslashes and control characters), so every name is carried as it is. The one exception is a
 * lone surrogate (half of a character, not encodable in UTF-8): replaced by
 * {@value NameReplacer#REPLACEMENT}, counted and warned about once per series.
 *
 * <p>Not thread-safe.
 */
public final class JsonLinesWriter implements PointWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator gen;
    private final NameReplacer names;
    private boolean any;

    /** @param warnings receives one line per series whose names had to be replaced */
    public JsonLinesWriter(OutputStream out, boolean closeStream, Consumer<String> warnings) throws IOException {
        names = new NameReplacer("json", warnings);
        gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        gen.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
        if (!closeStream) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }
    }

    @Override
    public void write(Point p) throws IOException {
        any = true;
        gen.writeStartObject();
        gen.writeNumberField("timestamp", p.timestampNanos());
        gen.writeStringField("metric", names.surrogateFree(p.metric(), "metric", null));
        gen.writeFieldName("value");
        writeField(p, 0);
        gen.writeObjectFieldStart("tags");
        for (int i = 0; i < p.tagCount(); i++) {
            gen.writeStringField(names.surrogateFree(p.tagKey(i), "tag key", null), names.surrogateFree(p.tagValue(i), "value of tag", p.tagKey(i)));
        }
        gen.writeEndObject();
        if (p.fieldCount() > 1) {
            gen.writeObjectFieldStart("fields");
            for (int i = 1; i < p.fieldCount(); i++) {
                gen.writeFieldName(names.surrogateFree(p.fieldName(i), "field key", null));
                writeField(p, i);
            }
            gen.writeEndObject();
        }
        gen.writeEndObject();
        names.pointDone(p);
    }

    /** Points written with a name replaced. */
    public long replacedPoints() {
        return names.points();
    }

    private void writeField(Point p, int i) throws IOException {
        switch (p.fieldType(i)) {
            case INTEGER:
                gen.writeNumber((long) p.number(i));
                break;
            case FLOAT:
                double d = p.number(i);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new ExportException("json cannot carry " + d + " in field '" + p.fieldName(i) + "' of " + p.metric());
                }
                gen.writeNumber(d);
                break;
            default:
                gen.writeString(names.surrogateFree(p.string(i), "value of field", p.fieldName(i)));
        }
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        if (any) {
            gen.writeRaw('\n');
        }
        gen.close();
    }
}
