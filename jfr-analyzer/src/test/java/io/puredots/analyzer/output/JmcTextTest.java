package io.puredots.analyzer.output;

import io.puredots.analyzer.model.JmcFinding;
import io.puredots.analyzer.model.JmcReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JmcTextTest {
    private static JmcReport report() {
        return new JmcReport(true, 1 << 20, 24 << 20, List.of("jdk.GCPhasePause"), 3, List.of(
                new JmcFinding("puredots.framebudget", "Frame Budget", "PureDOTS", "WARNING", 80,
                        "8 of 60 frames over | budget", "", ""),
                new JmcFinding("GcPauseRatio", "GC Pauses", "gc", "OK", 0, "fine", "", ""),
                new JmcFinding("Jit", "JIT", "jit", "INFO", 30, "some", "", "")), List.of("JMC rules ran on 1 type"));
    }

    @Test
    void listsWarningsThenCountsAndNotes() {
        assertEquals(List.of("JMC automated analysis",
                "  [WARNING] Frame Budget (puredots.framebudget): 8 of 60 frames over | budget",
                "  1 info, 1 ok, 0 not applicable",
                "  note: JMC rules ran on 1 type"), JmcText.lines(report()));
    }

    @Test
    void markdownTableEscapesPipes() {
        assertEquals("## JMC automated analysis\n\n| rule | score | summary |\n|---|---:|---|\n"
                + "| Frame Budget (`puredots.framebudget`) | 80 | 8 of 60 frames over \\| budget |\n\n"
                + "- note: JMC rules ran on 1 type\n", JmcText.markdown(report()));
    }

    @Test
    void saysWhyWhenNotRun() {
        JmcReport r = new JmcReport(false, 1, 1, List.of(), 0, List.of(), List.of("JMC rules not run: too big"));
        assertEquals(List.of("JMC automated analysis", "  note: JMC rules not run: too big"), JmcText.lines(r));
    }
}
