package io.puredots.analyzer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.model.attribution.AttributionNote;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CauseDetail;
import io.puredots.analyzer.model.attribution.CauseKind;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportJsonModuleTest {
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new ReportJsonModule());

    @Test
    void detailAndNotesAreWrittenAsTheTextReportWordsThem() {
        Cause gc = new Cause(CauseKind.GC_PAUSE, "G1 full", new CauseDetail.GcPause("Pause Full", "System.gc()",
                List.of(new CauseDetail.Phase("Mark", 9_550_000))), 1, 12_000_000, 12_000_000);
        Cause deopt = new Cause(CauseKind.DEOPTIMIZATION, "a.B.c", new CauseDetail.Deoptimization("null_check",
                "make_not_entrant"), 2, 0, 0);
        AttributionResult r = new AttributionResult(0, 5, 1, List.of(new FrameAttribution(3, 0, 0, 20_000_000,
                List.of(gc, deopt), null, null, null)), List.of(), 0, 0, null,
                List.of(new AttributionNote.NoBudget(), new AttributionNote.StreaksCapped(9, 5)));
        JsonNode root = mapper.valueToTree(r);
        JsonNode causes = root.get("worstFrames").get(0).get("causes");
        assertEquals("Pause Full, cause System.gc(); phases: Mark 9.6 ms", causes.get(0).get("detail").asText());
        assertEquals("null_check/make_not_entrant", causes.get(1).get("detail").asText());
        assertEquals("G1 full", causes.get(0).get("label").asText());
        assertEquals(12_000_000, causes.get(0).get("overlapNanos").asLong());
        assertEquals(List.of("no frame budget: over-budget streaks not computed",
                "9 streaks in all; the 5 longest are explained"),
                List.of(root.get("notes").get(0).asText(), root.get("notes").get(1).asText()));
    }
}
