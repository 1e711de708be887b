package io.puredots.jmc;

import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultProvider;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

import java.io.File;
import java.util.concurrent.RunnableFuture;

/**
 * What JMC does with a rule, in JMC's own API and nothing of ours: finds the rule with the
 * plugin's id in {@link RuleRegistry}, loads a recording and evaluates the rule on it. Loaded by
 * {@link JmcPluginIT} in a class loader that holds only JMC's jars and the plugin jar, and called
 * reflectively, so that everything the rule needs must come from the plugin jar.
 */
public final class JmcRuleDriver {
    private JmcRuleDriver() {
    }

    /**
     * Evaluates the rule with id {@code ruleId} on {@code recording}.
     *
     * @return {@code severity|score|JMC's severity for the score|rule class's loader|summary}, or
     *         {@code missing} when the registry does not list the rule
     */
    public static String run(String ruleId, String recording) throws Exception {
        IRule rule = RuleRegistry.getRules().stream().filter(r -> r.getId().equals(ruleId)).findFirst().orElse(null);
        if (rule == null) {
            return "missing";
        }
        IItemCollection items = JfrLoaderToolkit.loadEvents(new File(recording));
        RunnableFuture<IResult> f = rule.createEvaluation(items, IPreferenceValueProvider.DEFAULT_VALUES,
                new ResultProvider());
        f.run();
        IResult r = f.get();
        double score = r.getResult(TypedResult.SCORE).doubleValue();
        return r.getSeverity() + "|" + score + "|" + Severity.get(score) + "|"
                + (rule.getClass().getClassLoader() == JmcRuleDriver.class.getClassLoader()) + "|" + r.getSummary();
    }
}
