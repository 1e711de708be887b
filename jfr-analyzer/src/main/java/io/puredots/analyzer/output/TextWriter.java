package io.puredots.analyzer.output;

import io.puredots.analyzer.model.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

/** Plain-text report for a terminal: sections, aligned key/value lines and tables. Thread-safe. */
public final class TextWriter implements ReportWriter {
    private static final Pattern NUMERIC = Pattern.compile("[-+>= ]*[0-9][0-9.,]*( ?[%A-Za-z/]+)?");

    @Override
    public void write(Report report, Writer out) throws IOException {
        Document d = ReportDocument.of(report);
        StringBuilder b = new StringBuilder();
        b.append(d.title).append('\n');
        for (Document.Section s : d.sections) {
            b.append('\n').append(s.name).append('\n');
            int keyWidth = 0;
            for (Object p : s.parts) {
                if (p instanceof String[]) {
                    keyWidth = Math.max(keyWidth, ((String[]) p)[0].length());
                }
            }
            for (Object p : s.parts) {
                if (p instanceof String[]) {
                    String[] kv = (String[]) p;
                    b.append("  ").append(pad(kv[0], keyWidth, false)).append("  ").append(kv[1]).append('\n');
                } else if (p instanceof Document.Sub sub) {
                    b.append("    ").append(sub.text()).append('\n');
                } else if (p instanceof String) {
                    b.append("  (").append(p).append(")\n");
                } else {
                    table(b, (Document.Table) p);
                }
            }
        }
        out.write(b.toString());
        out.flush();
    }

    private static void table(StringBuilder b, Document.Table t) {
        int[] w = new int[t.header.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = t.header[i].length();
        }
        for (String[] r : t.rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        line(b, t.header, w, null);
        for (String[] r : t.rows) {
            line(b, r, w, r);
        }
    }

    private static void line(StringBuilder b, String[] cells, int[] w, String[] row) {
        StringBuilder l = new StringBuilder("  ");
        for (int i = 0; i < cells.length; i++) {
            boolean right = i > 0 && row != null && NUMERIC.matcher(cells[i]).matches();
            l.append(pad(cells[i], w[i], right));
            if (i + 1 < cells.length) {
                l.append("  ");
            }
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
