package io.puredots.analyzer.output;

import io.puredots.analyzer.model.attribution.LagShare;
import io.puredots.analyzer.text.Units;

/**
 * The lag-share section of the text and Markdown reports: each group's and system's share of the
 * time inside over-budget frames next to its share of all frames. Formats only; computes nothing.
 * Stateless; thread-safe.
 */
final class LagShareText {
    private LagShareText() {
    }

    static void addSection(Document d, LagShare l, long frameBudgetNanos) {
        Document.Section s = d.section("Lag share: who takes the time in over-budget frames");
        if (l.overBudgetFrames() == 0) {
            s.kv("over-budget frames", "none over " + Units.msUnit(frameBudgetNanos));
            return;
        }
        s.kv("over-budget frames", l.overBudgetFrames() + " over " + Units.msUnit(frameBudgetNanos) + "; in them groups "
                + Units.msUnit(l.groupNanosOverBudget()) + ", systems " + Units.msUnit(l.systemNanosOverBudget()));
        if (!l.groups().isEmpty()) {
            Document.Table t = s.table("group", "over-budget ms", "lag share", "overall share");
            for (LagShare.Entry e : l.groups()) {
                t.row(e.name(), Units.ms(e.overBudgetNanos()), Units.pct(e.lagShare()), Units.pct(e.share()));
            }
        }
        if (!l.systems().isEmpty()) {
            Document.Table t = s.table("system", "group", "over-budget ms", "lag share", "overall share");
            for (LagShare.Entry e : l.systems()) {
                t.row(e.name(), e.group(), Units.ms(e.overBudgetNanos()), Units.pct(e.lagShare()),
                        Units.pct(e.share()));
            }
        }
        s.note("lag share = time in over-budget frames / all groups' (systems') time in them;"
                + " overall share = the same over all frames");
    }
}
