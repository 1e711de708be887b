package io.puredots.analyzer.output.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.puredots.analyzer.model.trace.TraceSink;
import io.puredots.analyzer.model.trace.TraceSlice;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a trace as Chrome trace-event JSON, the JSON Object Format ({@code {"traceEvents": [...]}})
 * that ui.perfetto.dev and chrome://tracing open, streaming through Jackson's generator.
 *
 * <p>What each call becomes: {@link #complete} a complete event ({@code "ph":"X"}) on the
 * thread's track; {@link #async} a begin/end pair of async events ({@code "b"}/{@code "e"});
 * {@link #flow} a flow start ({@code "s"}) and a flow end bound to its enclosing slice
 * ({@code "f"}, {@code "bp":"e"}); {@link #counter} a counter event ({@code "C"}) whose one
 * argument is the series; {@link #instant} a process-scoped instant ({@code "i"}, {@code "s":"p"});
 * {@link #thread} and the process name metadata events ({@code "M"}). The category of an event
 * is its JFR event type. Timestamps and durations are microseconds from the origin with three
 * decimals, written from whole nanoseconds, so they are exact. Output is ASCII (other characters
 * escaped), so {@link #written()} counts bytes too.
 *
 * <p>Not thread-safe. Does not close the writer it is given.
 */
public final class TraceJsonWriter implements TraceSink {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private final CountingWriter out;
    private final JsonGenerator g;
    private long origin;
    private long pid;

    public TraceJsonWriter(Writer out) throws IOException {
        this.out = new CountingWriter(out);
        this.g = JSON.createGenerator(this.out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin(long originNanos, long pid, String processName, Map<String, Object> about) throws IOException {
        this.origin = originNanos;
        this.pid = pid;
        g.writeStartObject();
        g.writeStringField("displayTimeUnit", "ms");
        g.writeObjectFieldStart("otherData");
        for (Map.Entry<String, Object> e : about.entrySet()) {
            writeValue(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("traceEvents");
        metadata("process_name", null, "name", processName);
    }

    private void metadata(String name, Long tid, String argName, Object value) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "M");
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        if (tid != null) {
            g.writeNumberField("tid", tid);
        }
        g.writeObjectFieldStart("args");
        writeValue(argName, value);
        g.writeEndObject();
        g.writeEndObject();
    }

    @Override
    public void thread(long tid, String name, Integer sortIndex) throws IOException {
        metadata("thread_name", tid, "name", name);
        if (sortIndex != null) {
            metadata("thread_sort_index", tid, "sort_index", sortIndex);
        }
    }

    @Override
    public void complete(TraceSlice s) throws IOException {
        head("X", s.category(), s.name(), s.tid(), s.startNanos());
        g.writeFieldName("dur");
        g.writeNumber(micros(s.durationNanos()));
        args(s.args());
        g.writeEndObject();
    }

    @Override
    public void async(TraceSlice s, long id) throws IOException {
        head("b", s.category(), s.name(), s.tid(), s.startNanos());
        g.writeNumberField("id", id);
        args(s.args());
        g.writeEndObject();
        head("e", s.category(), s.name(), s.tid(), s.endNanos());
        g.writeNumberField("id", id);
        g.writeEndObject();
    }

    @Override
    public void flow(long id, long fromTid, long fromNanos, long toTid, long toNanos) throws IOException {
        head("s", "flow", "job", fromTid, fromNanos);
        g.writeNumberField("id", id);
        g.writeEndObject();
        head("f", "flow", "job", toTid, toNanos);
        g.writeNumberField("id", id);
        g.writeStringField("bp", "e");
        g.writeEndObject();
    }

    @Override
    public void counter(String category, String name, long atNanos, String series, long value) throws IOException {
        head("C", category, name, null, atNanos);
        g.writeObjectFieldStart("args");
        g.writeNumberField(series, value);
        g.writeEndObject();
        g.writeEndObject();
    }

    @Override
    public void instant(TraceSlice s) throws IOException {
        head("i", s.category(), s.name(), null, s.startNanos());
        g.writeStringField("s", "p");
        args(s.args());
        g.writeEndObject();
    }

    @Override
    public void end() throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
    }

    @Override
    public long written() {
        return out.count + g.getOutputBuffered();
    }

    /** Opens an event object with its common fields; {@code tid} null for a process-wide event. */
    private void head(String ph, String cat, String name, Long tid, long atNanos) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", ph);
        g.writeStringField("cat", cat);
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        if (tid != null) {
            g.writeNumberField("tid", tid);
        }
        g.writeFieldName("ts");
        g.writeNumber(micros(atNanos - origin));
    }

    private void args(Map<String, Object> args) throws IOException {
        if (args.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("args");
        for (Map.Entry<String, Object> e : args.entrySet()) {
            writeValue(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private void writeValue(String name, Object v) throws IOException {
        if (v instanceof Long l) {
            g.writeNumberField(name, l);
        } else if (v instanceof Integer i) {
            g.writeNumberField(name, i);
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumberField(name, d);
            } else {
                g.writeStringField(name, d.toString());
            }
        } else {
            g.writeStringField(name, String.valueOf(v));
        }
    }

    /** Nanoseconds as microseconds with three decimals, exactly: 1234567 -> "1234.567". */
    static String micros(long nanos) {
        boolean negative = nanos < 0;
        // Long.MIN_VALUE has no positive counterpart; no recording time is near it
        long abs = Math.abs(nanos);
        long whole = abs / 1000;
        int frac = (int) (abs % 1000);
        StringBuilder b = new StringBuilder(24);
        if (negative) {
            b.append('-');
        }
        b.append(whole);
        if (frac != 0) {
            b.append('.');
            if (frac < 100) {
                b.append('0');
            }
            if (frac < 10) {
                b.append('0');
            }
            b.append(frac);
        }
        return b.toString();
    }

    /** Counts the characters that reach the target writer. */
    private static final class CountingWriter extends FilterWriter {
        long count;

        CountingWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(c);
            count++;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.write(buf, off, len);
            count += len;
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            out.write(s, off, len);
            count += len;
        }
    }
}
