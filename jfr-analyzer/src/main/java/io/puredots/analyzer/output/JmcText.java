package io.puredots.analyzer.output;

import io.puredots.analyzer.model.JmcFinding;
import io.puredots.analyzer.model.JmcReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link JmcReport} as text lines and as a Markdown section for the report writers.
 * Formats only. Stateless; thread-safe.
 */
public final class JmcText {
    private JmcText() {
    }

    /** Heading, one line per warning ({@code [WARNING] Rule Name: summary}), a count of the rest, notes. */
    public static List<String> lines(JmcReport r) {
        List<String> out = new ArrayList<>();
        out.add("JMC automated analysis");
        if (r.ran()) {
            List<JmcFinding> warnings = r.warnings();
            if (warnings.isEmpty()) {
                out.add("  no warnings from " + r.rulesRun() + " rules");
            }
            for (JmcFinding f : warnings) {
                out.add("  [WARNING] " + f.ruleName() + " (" + f.ruleId() + "): " + f.summary());
            }
            out.add("  " + count(r, "INFO") + " info, " + count(r, "OK") + " ok, " + count(r, "NA")
                    + " not applicable" + (count(r, "FAILED") > 0 ? ", " + count(r, "FAILED") + " failed" : ""));
        }
        for (String n : r.notes()) {
            out.add("  note: " + n);
        }
        return out;
    }

    /** The Markdown section: warnings as a table (rule, score, summary), then notes. */
    public static String markdown(JmcReport r) {
        StringBuilder sb = new StringBuilder("## JMC automated analysis\n\n");
        if (r.ran()) {
            List<JmcFinding> warnings = r.warnings();
            if (warnings.isEmpty()) {
                sb.append("No warnings from ").append(r.rulesRun()).append(" rules.\n\n");
            } else {
                sb.append("| rule | score | summary |\n|---|---:|---|\n");
                for (JmcFinding f : warnings) {
                    sb.append("| ").append(cell(f.ruleName())).append(" (`").append(f.ruleId()).append("`) | ")
                            .append(f.score() < 0 ? "" : String.format(java.util.Locale.ROOT, "%.0f", f.score()))
                            .append(" | ").append(cell(f.summary())).append(" |\n");
                }
                sb.append('\n');
            }
        }
        for (String n : r.notes()) {
            sb.append("- note: ").append(cell(n)).append('\n');
        }
        return sb.toString();
    }

    private static long count(JmcReport r, String severity) {
        return r.findings().stream().filter(f -> f.severity().equals(severity)).count();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
