package io.puredots.analyzer.output;

import io.puredots.analyzer.model.Report;

import java.io.IOException;
import java.io.Writer;

/** GitHub-flavoured Markdown report, for CI comments. Thread-safe. */
public final class MarkdownWriter implements ReportWriter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        Document d = ReportDocument.of(report);
        StringBuilder b = new StringBuilder();
        b.append("# ").append(d.title).append('\n');
        for (Document.Section s : d.sections) {
            b.append("\n## ").append(s.name).append("\n\n");
            boolean inList = false;
            for (Object p : s.parts) {
                if (p instanceof String[]) {
                    String[] kv = (String[]) p;
                    b.append("- **").append(escape(kv[0])).append("**: ").append(escape(kv[1])).append('\n');
                    inList = true;
                    continue;
                }
                if (p instanceof Document.Sub sub) {
                    // "<" of a stack's "a < b" would open an HTML tag
                    b.append("  - ").append(escape(sub.text()).replace("<", "\\<")).append('\n');
                    continue;
                }
                if (inList) {
                    b.append('\n');
                    inList = false;
                }
                if (p instanceof String) {
                    b.append('_').append(escape((String) p)).append("_\n\n");
                } else {
                    table(b, (Document.Table) p);
                }
            }
        }
        out.write(b.toString().replaceAll("\n{3,}", "\n\n"));
        out.flush();
    }

    private static void table(StringBuilder b, Document.Table t) {
        row(b, t.header);
        b.append('|');
        for (int i = 0; i < t.header.length; i++) {
            b.append(i > 0 && numericColumn(t, i) ? " ---: |" : " --- |");
        }
        b.append('\n');
        for (String[] r : t.rows) {
            row(b, r);
        }
        b.append('\n');
    }

    /** Whether a column holds numbers (and "-" placeholders) only, so it reads best right-aligned. */
    private static boolean numericColumn(Document.Table t, int column) {
        boolean any = false;
        for (String[] r : t.rows) {
            String c = r[column];
            if (Document.numeric(c)) {
                any = true;
            } else if (!c.isEmpty() && !"-".equals(c)) {
                return false;
            }
        }
        return any;
    }

    private static void row(StringBuilder b, String[] cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(escape(c)).append(" |");
        }
        b.append('\n');
    }

    /** A table cell with Markdown's table and emphasis characters escaped. */
    static String escape(String s) {
        return s.replace("|", "\\|").replace("_", "\\_").replace("*", "\\*");
    }
}
