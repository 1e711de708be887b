package io.puredots.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * InfluxDB line protocol, one point per line ({@link LineProtocol}); names it cannot carry are
 * replaced, counted ({@link #replacedPoints()}) and warned about once per series. Not thread-safe.
 */
public final class LineProtocolWriter implements PointWriter {
    private final Writer out;
    private final boolean closeStream;
    private final NameReplacer names;
    private final StringBuilder line = new StringBuilder(128);

    /** @param warnings receives one line per series whose names had to be replaced */
    public LineProtocolWriter(OutputStream out, boolean closeStream, Consumer<String> warnings) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.closeStream = closeStream;
        this.names = new NameReplacer("line protocol", warnings);
    }

    @Override
    public void write(Point p) throws IOException {
        line.setLength(0);
        LineProtocol.append(line, p, names);
        line.append('\n');
        out.append(line);
    }

    /** Points written with a name replaced (see {@link LineProtocol}). */
    public long replacedPoints() {
        return names.points();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closeStream) {
            out.close();
        } else {
            out.flush();
        }
    }
}
