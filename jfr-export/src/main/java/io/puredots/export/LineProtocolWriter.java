package io.puredots.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** InfluxDB line protocol, one point per line ({@link LineProtocol}). Not thread-safe. */
public final class LineProtocolWriter implements PointWriter {
    private final Writer out;
    private final boolean closeStream;
    private final StringBuilder line = new StringBuilder(128);

    public LineProtocolWriter(OutputStream out, boolean closeStream) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.closeStream = closeStream;
    }

    @Override
    public void write(Point p) throws IOException {
        line.setLength(0);
        LineProtocol.append(line, p);
        line.append('\n');
        out.append(line);
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
