package io.puredots.analyzer.jmc;

import io.puredots.jmc.FrameBudgetRule;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultProvider;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.RunnableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(120)
class FrameBudgetRuleTest {
    @TempDir
    static Path dir;
    static Path overBudget;
    static Path clean;
    static Path noFrames;

    @BeforeAll
    static void record() throws Exception {
        // 8 consecutive frames of 20 ms: over the default 16.6 ms budget for more than 5 frames
        overBudget = FrameRecordings.record(dir.resolve("over.jfr"), 40, 10, 8, 20);
        clean = FrameRecordings.record(dir.resolve("clean.jfr"), 40, 0, 0, 0);
        noFrames = FrameRecordings.record(dir.resolve("none.jfr"), 0, 0, 0, 0);
    }

    private static IResult evaluate(Path file) throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(file.toFile());
        RunnableFuture<IResult> f = new FrameBudgetRule().createEvaluation(items,
                IPreferenceValueProvider.DEFAULT_VALUES, new ResultProvider());
        f.run();
        return f.get();
    }

    @Test
    void serviceLoaderFindsTheRule() {
        assertTrue(ServiceLoader.load(IRule.class).stream().anyMatch(p -> p.type() == FrameBudgetRule.class));
    }

    @Test
    void jmcRuleRegistryIncludesTheRule() {
        IRule rule = RuleRegistry.getRules().stream().filter(r -> r.getId().equals(FrameBudgetRule.ID)).findFirst()
                .orElseThrow(() -> new AssertionError("not in RuleRegistry.getRules()"));
        assertEquals("PureDOTS", rule.getTopic());
        assertTrue(rule.getRequiredEvents().containsKey("puredots.Frame"));
    }

    @Test
    void warnsOnAStreakOverBudget() throws Exception {
        IResult r = evaluate(overBudget);
        assertEquals(Severity.WARNING, r.getSeverity(), r.getSummary());
        assertTrue(r.getSummary().startsWith("8 of 40 frames (20.0%) over the 16.6 ms frame budget; longest streak 8"
                + " frames (more than 5 is a violation)"), r.getSummary());
    }

    @Test
    void okWhenEveryFrameIsWithinBudget() throws Exception {
        IResult r = evaluate(clean);
        assertEquals(Severity.OK, r.getSeverity(), r.getSummary());
        assertTrue(r.getSummary().startsWith("0 of 40 frames"), r.getSummary());
    }

    @Test
    void notApplicableWithoutFrames() throws Exception {
        assertEquals(Severity.NA, evaluate(noFrames).getSeverity());
    }
}
