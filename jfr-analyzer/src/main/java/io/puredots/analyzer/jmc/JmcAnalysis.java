package io.puredots.analyzer.jmc;

import io.puredots.analyzer.model.JmcFinding;
import io.puredots.analyzer.model.JmcReport;
import io.puredots.analyzer.text.Units;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import io.puredots.budgets.Budgets;
import io.puredots.jmc.FrameBudgetRule;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.parser.IParserExtension;
import org.openjdk.jmc.flightrecorder.parser.ParserExtensionRegistry;
import org.openjdk.jmc.flightrecorder.parser.filter.FilterExtension;
import org.openjdk.jmc.flightrecorder.parser.filter.OnLoadFilters;
import org.openjdk.jmc.flightrecorder.rules.DependsOn;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultProvider;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.RuleRegistry;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableFuture;

/**
 * Runs JMC's automated-analysis rules (the JDK rules of {@code flightrecorder.rules.jdk} and every
 * other {@link IRule} on the class path, such as {@link FrameBudgetRule}) on a recording, within
 * a bounded heap.
 *
 * <p>JMC keeps every loaded event in memory. Two bounds keep that small: only the event types
 * the rules declare in {@link IRule#getRequiredEvents()} (plus {@code jdk.ActiveSetting} and
 * {@code jdk.ActiveRecording}, which JMC uses to tell "disabled" from "did not happen") are
 * loaded, through a JMC {@link FilterExtension} (a few more keep the recording's time span
 * and event settings visible); and inputs larger than a size limit are not
 * loaded at all, which the report states. The default limit comes from a heap measurement
 * (jfr-analyzer/BENCHMARKS section "jmc heap"), sized for {@code -Xmx256m}.
 *
 * <p>The only package besides {@code read/} that imports a parser library: JMC's rule API is
 * product surface here (our rule runs inside JMC). Nothing JMC-typed leaves it: results are
 * {@link JmcReport} values.
 *
 * <p>Stateless; thread-safe (rules are evaluated on the calling thread, one after another,
 * dependencies first).
 */
public final class JmcAnalysis {
    /**
     * Default limit on the events JMC loads (of the types the rules need). JMC retains about 200
     * bytes of heap per loaded event (measured: jfr-analyzer/bench/jmc-heap.sh, BENCHMARKS.md), so
     * 500,000 events are about 100 MB, which leaves room for the rest of the report in 256 MB.
     */
    public static final long DEFAULT_MAX_EVENTS = 500_000;

    /**
     * Default limit on the recording size when the event counts are not known. A recording made
     * only of the types the rules need costs up to ~8 bytes of heap per file byte (measured, full
     * load), so 24 MB stays under ~200 MB.
     */
    public static final long DEFAULT_MAX_INPUT_BYTES = 24L << 20;

    /**
     * Types loaded besides the declared ones: JMC's helpers read the settings events to tell
     * "disabled" from "did not happen", and some rules measure against the recording's time
     * span, which is the span of the loaded events; the "everyChunk" information events are
     * written at the start and end of every chunk, so that span stays the recording's.
     */
    private static final List<String> ALWAYS = List.of("jdk.ActiveSetting", "jdk.ActiveRecording",
            "jdk.CPUInformation", "jdk.OSInformation", "jdk.JVMInformation");

    /**
     * Rules of JMC 9.1.1 that read event types they do not declare in {@code getRequiredEvents()}:
     * those types, found from the type names and {@code JdkFilters} the rule classes reference
     * (javap over flightrecorder.rules.jdk 9.1.1) and checked by comparing a filtered with a full
     * load on two recordings (JmcAnalysisTest). Re-check when the JMC version changes.
     */
    private static final Map<String, List<String>> UNDECLARED = Map.ofEntries(
            Map.entry("biasedLockingRevocation", List.of("jdk.BiasedLockRevocation", "jdk.BiasedLockSelfRevocation")),
            Map.entry("FullGc", List.of("jdk.GarbageCollection", "jdk.OldGarbageCollection")),
            Map.entry("PrimitiveToObjectConversion", allocationTypes()),
            Map.entry("CodeCache", List.of("jdk.BooleanFlag")),
            Map.entry("FewSampledThreads", List.of("jdk.CPULoad")),
            Map.entry("Allocations.class", allocationTypes()),
            Map.entry("Allocations.thread", allocationTypes()),
            Map.entry("BufferLost", List.of("jdk.DataLoss")),
            Map.entry("HighJvmCpu", List.of("jdk.ExecutionSample")),
            Map.entry("DebugNonSafepoints", List.of("jdk.JVMInformation")),
            Map.entry("GcStall", List.of("jdk.ConcurrentModeFailure")),
            Map.entry("HeapInspectionGc", List.of("jdk.ObjectCount")),
            Map.entry("OverAggressiveRecordingSetting", List.of("jdk.JavaMonitorEnter", "jdk.ThreadPark")),
            Map.entry("CompressedOops", List.of("jdk.GCHeapConfiguration")),
            Map.entry("HighGc", List.of("jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB")),
            Map.entry("StringDeduplication", List.of("jdk.GCHeapConfiguration", "jdk.UnsignedLongFlag")),
            Map.entry("IncreasingLiveSet", List.of("jdk.ClassLoadingStatistics", "jdk.OldGarbageCollection",
                    "jdk.OldObjectSample", "jdk.YoungGarbageCollection")),
            Map.entry("ApplicationHalts", List.of("jdk.SafepointBegin")));

    /**
     * Rules that read every event type (StackdepthSetting looks for truncated stack traces in all
     * events): with only some types loaded their answer would be wrong, so they are not run.
     */
    private static final Set<String> NEED_EVERYTHING = Set.of("StackdepthSetting");

    /**
     * {@link #requiredEventTypes}({@link #rules()}) as JMC 9.1.1 and our rules give it, so that
     * deciding not to run the rules (too many events) does not load them: loading the 69 rules
     * through their service registry took about 0.3 s, after the report's statistics were done.
     * {@code JmcAnalysisTest} checks that this is still what the rules ask for.
     */
    static final Set<String> REQUIRED_EVENT_TYPES = Set.of(
            "http://www.oracle.com/dms/dfw/dms/dfw/DFW_Incident/DFW_Incident_state",
            "jdk.ActiveRecording", "jdk.ActiveSetting", "jdk.BiasedLockClassRevocation",
            "jdk.BiasedLockRevocation", "jdk.BiasedLockSelfRevocation", "jdk.BooleanFlag",
            "jdk.CPUInformation", "jdk.CPULoad", "jdk.ClassLoad", "jdk.ClassLoadingStatistics",
            "jdk.ClassUnload", "jdk.CodeCacheConfiguration", "jdk.CodeCacheFull",
            "jdk.CodeCacheStatistics", "jdk.ConcurrentModeFailure", "jdk.DataLoss", "jdk.DumpReason",
            "jdk.ExceptionStatistics", "jdk.ExecuteVMOperation", "jdk.ExecutionSample", "jdk.FileForce",
            "jdk.FileRead", "jdk.FileWrite", "jdk.FinalizerStatistics", "jdk.G1MMU", "jdk.GCCPUTime",
            "jdk.GCConfiguration", "jdk.GCHeapConfiguration", "jdk.GCHeapSummary", "jdk.GCPhasePause",
            "jdk.GCPhasePauseLevel1", "jdk.GarbageCollection", "jdk.HeapDump",
            "jdk.InitialEnvironmentVariable", "jdk.InitialSystemProperty", "jdk.JVMInformation",
            "jdk.JavaAgent", "jdk.JavaErrorThrow", "jdk.JavaMonitorEnter", "jdk.MetaspaceOOM",
            "jdk.MetaspaceSummary", "jdk.NativeAgent", "jdk.OSInformation",
            "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB",
            "jdk.ObjectAllocationSample", "jdk.ObjectCount", "jdk.ObjectCountAfterGC",
            "jdk.OldGarbageCollection", "jdk.OldObjectSample", "jdk.PhysicalMemory", "jdk.ProcessStart",
            "jdk.SafepointBegin", "jdk.Shutdown", "jdk.SocketRead", "jdk.SocketWrite",
            "jdk.SystemProcess", "jdk.ThreadContextSwitchRate", "jdk.ThreadPark",
            "jdk.UnsignedLongFlag", "jdk.YoungGarbageCollection", "puredots.Frame");

    private JmcAnalysis() {
    }

    private static List<String> allocationTypes() {
        return List.of("jdk.ObjectAllocationSample", "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB");
    }

    /** A report that says the rules were not run, and why (lowercase, no final period). */
    public static JmcReport notRun(String why) {
        return new JmcReport(false, 0, 0, List.of(), 0, List.of(), List.of("JMC rules not run: " + why));
    }

    /** The rules JMC would run: {@link RuleRegistry#getRules()}, by id. */
    public static List<IRule> rules() {
        List<IRule> rules = new ArrayList<>(RuleRegistry.getRules());
        rules.sort(Comparator.comparing(IRule::getId));
        return rules;
    }

    /** The event types the rules need, sorted. */
    public static Set<String> requiredEventTypes(Collection<IRule> rules) {
        Set<String> types = new TreeSet<>(ALWAYS);
        for (IRule r : rules) {
            types.addAll(r.getRequiredEvents().keySet());
            types.addAll(UNDECLARED.getOrDefault(r.getId(), List.of()));
        }
        return types;
    }

    /**
     * Runs every rule if the recording holds at most {@code maxEvents} events of the types the
     * rules need, counted by our own reader beforehand ({@code eventCounts}: events per type
     * name, as in the reader's result); otherwise says so and runs nothing.
     */
    public static JmcReport run(List<Path> files, Map<String, Long> eventCounts, long maxEvents) {
        return run(files, eventCounts, maxEvents, null);
    }

    /**
     * As {@link #run(List, Map, long)}, with {@link FrameBudgetRule} judging against
     * {@code budgets} (the report's {@code --budgets}); {@code null}: the defaults.
     */
    public static JmcReport run(List<Path> files, Map<String, Long> eventCounts, long maxEvents, Budgets budgets) {
        return run(files, eventCounts, maxEvents, Long.MAX_VALUE, budgets);
    }

    /**
     * {@link #run(List, Map, long, Budgets)}, and not on inputs larger than {@code maxInputBytes}
     * (summed): JMC's parser reads every byte of the files whatever the types asked for.
     */
    public static JmcReport run(List<Path> files, Map<String, Long> eventCounts, long maxEvents, long maxInputBytes,
                                Budgets budgets) {
        Set<String> types = new TreeSet<>(REQUIRED_EVENT_TYPES);
        long needed = 0;
        for (String t : types) {
            needed += eventCounts.getOrDefault(t, 0L);
        }
        if (needed > maxEvents) {
            long size = 0;
            for (Path f : files) {
                size += f.toFile().length();
            }
            return new JmcReport(false, size, 0, List.copyOf(types), 0, List.of(), List.of(String.format(Locale.ROOT,
                    "JMC rules not run: %,d events of the types the rules need, over the limit of %,d (JMC keeps"
                            + " loaded events in memory, ~200 bytes each)", needed, maxEvents)));
        }
        return run(files, maxInputBytes, String.format(Locale.ROOT, "%,d events, limit %,d", needed, maxEvents),
                budgets);
    }

    /**
     * Loads the needed event types of {@code files} (complete JFR chunk files, in order) and
     * runs every rule; when the event counts are not known.
     *
     * @param maxInputBytes inputs larger than this (summed) are not analyzed, {@code > 0}
     */
    public static JmcReport run(List<Path> files, long maxInputBytes) {
        return run(files, maxInputBytes, null, null);
    }

    private static JmcReport run(List<Path> files, long maxInputBytes, String eventsNote, Budgets budgets) {
        // the rules themselves are loaded only once they will run (0.15-0.3 s through their registry)
        Set<String> types = new TreeSet<>(REQUIRED_EVENT_TYPES);
        List<String> notes = new ArrayList<>();
        long size = 0;
        for (Path f : files) {
            try {
                size += Files.size(f);
            } catch (IOException e) {
                notes.add("JMC rules not run: cannot read '" + f + "': " + e.getMessage());
                return new JmcReport(false, size, maxInputBytes, List.copyOf(types), 0, List.of(), notes);
            }
        }
        if (size > maxInputBytes) {
            notes.add(String.format(Locale.ROOT, "JMC rules not run: the recording is %s, over the %s limit for"
                    + " automated analysis (JMC's parser reads the whole file; --jmc-max-size raises the limit)",
                    mib(size), mib(maxInputBytes)));
            return new JmcReport(false, size, maxInputBytes, List.copyOf(types), 0, List.of(), notes);
        }
        List<IRule> rules = rules();
        IItemCollection items;
        try {
            items = load(files, types);
        } catch (IOException | CouldNotLoadRecordingException | RuntimeException e) {
            notes.add("JMC rules not run: JMC could not load the recording: " + oneLine(e));
            return new JmcReport(false, size, maxInputBytes, List.copyOf(types), 0, List.of(), notes);
        }
        notes.add(String.format(Locale.ROOT, "JMC rules ran on %d event types of %s (%s); not run: %s",
                types.size(), mib(size), eventsNote != null ? eventsNote : "limit " + mib(maxInputBytes),
                String.join(", ", new TreeSet<>(NEED_EVERYTHING))));
        List<IRule> runnable = new ArrayList<>();
        List<JmcFinding> skipped = new ArrayList<>();
        for (IRule r : rules) {
            if (NEED_EVERYTHING.contains(r.getId())) {
                skipped.add(new JmcFinding(r.getId(), r.getName(), r.getTopic(), "NA", -1,
                        "Not run: this rule reads every event type, and only the types the rules need were loaded.",
                        "", "Open the recording in JMC for this rule."));
            } else {
                runnable.add(r);
            }
        }
        List<JmcFinding> findings = evaluate(runnable, items, preferences(budgets), notes);
        findings.addAll(skipped);
        return new JmcReport(true, size, maxInputBytes, List.copyOf(types), findings.size() - skipped.size(),
                findings, notes);
    }

    /**
     * JMC's parser logger, kept (java.util.logging holds loggers weakly). Its readers log a
     * WARNING for each event field they do not know, e.g. the {@code virtual} field that JDK 21+
     * threads have: two lines on stderr per report of a newer JDK's recording, with nothing
     * for the user to do. Errors still show.
     */
    private static final java.util.logging.Logger JMC_PARSER_LOG =
            java.util.logging.Logger.getLogger("org.openjdk.jmc.flightrecorder.internal.parser");

    /** Loads only {@code types} from the files. */
    static IItemCollection load(List<Path> files, Set<String> types) throws IOException,
            CouldNotLoadRecordingException {
        JMC_PARSER_LOG.setLevel(java.util.logging.Level.SEVERE);
        List<IParserExtension> extensions = new ArrayList<>(ParserExtensionRegistry.getParserExtensions());
        if (types != null) {
            extensions.add(new FilterExtension(OnLoadFilters.includeEvents(types)));
        }
        List<File> list = new ArrayList<>();
        for (Path p : files) {
            list.add(p.toFile());
        }
        return JfrLoaderToolkit.loadEvents(list, extensions);
    }

    /** Evaluates every rule, dependencies first; a rule that throws becomes a FAILED finding. */
    static List<JmcFinding> evaluate(List<IRule> rules, IItemCollection items, List<String> notes) {
        return evaluate(rules, items, IPreferenceValueProvider.DEFAULT_VALUES, notes);
    }

    /** JMC's defaults, except the frame budget and streak length of {@code budgets} for our rule. */
    static IPreferenceValueProvider preferences(Budgets budgets) {
        if (budgets == null) {
            return IPreferenceValueProvider.DEFAULT_VALUES;
        }
        return new IPreferenceValueProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getPreferenceValue(TypedPreference<T> p) {
                if (p.equals(FrameBudgetRule.FRAME_BUDGET) && budgets.frameNanos().isPresent()) {
                    return (T) UnitLookup.NANOSECOND.quantity(budgets.frameNanos().getAsLong());
                }
                if (p.equals(FrameBudgetRule.STREAK_FRAMES)) {
                    return (T) UnitLookup.NUMBER_UNITY.quantity(budgets.streakFrames());
                }
                return p.getDefaultValue();
            }
        };
    }

    static List<JmcFinding> evaluate(List<IRule> rules, IItemCollection items, IPreferenceValueProvider prefs,
                                     List<String> notes) {
        Map<Class<?>, IResult> done = new HashMap<>();
        ResultProvider provider = new ResultProvider();
        List<JmcFinding> findings = new ArrayList<>();
        List<IRule> pending = new ArrayList<>(rules);
        List<String> failed = new ArrayList<>();
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                IRule rule = it.next();
                DependsOn dep = rule.getClass().getAnnotation(DependsOn.class);
                if (dep != null && !done.containsKey(dep.value()) && rules.stream().anyMatch(
                        r -> r.getClass() == dep.value())) {
                    continue; // its dependency has not run yet
                }
                it.remove();
                progress = true;
                IResult depResult = dep == null ? null : done.get(dep.value());
                if (dep != null && done.containsKey(dep.value()) && depResult == null) {
                    findings.add(new JmcFinding(rule.getId(), rule.getName(), rule.getTopic(), "NA", -1,
                            "Not run: depends on " + dep.value().getSimpleName() + ", which was not run.", "", ""));
                    done.put(rule.getClass(), null);
                    continue;
                }
                if (dep != null && (depResult == null
                        || depResult.getSeverity().compareTo(dep.severity()) < 0)) {
                    findings.add(new JmcFinding(rule.getId(), rule.getName(), rule.getTopic(), "NA", -1,
                            "Not run: depends on " + dep.value().getSimpleName() + " reaching "
                                    + dep.severity().name() + ".", "", ""));
                    continue;
                }
                if (!RulesToolkit.matchesEventAvailabilityMap(items, rule.getRequiredEvents())) {
                    // as JMC's own runners do: a rule whose events the recording lacks is not run
                    findings.add(new JmcFinding(rule.getId(), rule.getName(), rule.getTopic(), "NA", -1,
                            "Not run: the recording lacks events it needs (" + missingEvents(items, rule) + ").",
                            "", ""));
                    done.put(rule.getClass(), null); // not run: rules depending on it are not run either
                    continue;
                }
                try {
                    RunnableFuture<IResult> f = rule.createEvaluation(items, prefs, provider);
                    f.run();
                    IResult result = f.get();
                    done.put(rule.getClass(), result);
                    provider.addResults(result);
                    findings.add(finding(rule, result));
                } catch (ExecutionException | RuntimeException | LinkageError e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    findings.add(new JmcFinding(rule.getId(), rule.getName(), rule.getTopic(), "FAILED", -1,
                            "Rule failed: " + oneLine(cause), "", ""));
                    failed.add(rule.getId());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    notes.add("JMC rules interrupted");
                    return sort(findings);
                }
            }
            if (!progress && !pending.isEmpty()) { // a dependency cycle or a dependency that is not registered
                for (IRule rule : pending) {
                    findings.add(new JmcFinding(rule.getId(), rule.getName(), rule.getTopic(), "NA", -1,
                            "Not run: unresolved rule dependency.", "", ""));
                }
                break;
            }
        }
        if (!failed.isEmpty()) {
            notes.add("JMC rules that failed on this recording (their error is in the findings): "
                    + String.join(", ", failed));
        }
        return sort(findings);
    }

    /** The rule's required event types that {@code items} does not hold as required, with what is there. */
    private static String missingEvents(IItemCollection items, IRule rule) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, RulesToolkit.EventAvailability> e : new java.util.TreeMap<>(rule.getRequiredEvents())
                .entrySet()) {
            if (!RulesToolkit.matchesEventAvailabilityMap(items, Map.of(e.getKey(), e.getValue()))) {
                out.add(e.getKey() + " " + RulesToolkit.getEventAvailability(items, e.getKey()).name().toLowerCase(
                        Locale.ROOT) + ", needs " + e.getValue().name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join("; ", out);
    }

    private static List<JmcFinding> sort(List<JmcFinding> findings) {
        List<String> order = List.of("WARNING", "FAILED", "INFO", "OK", "NA", "IGNORE");
        findings.sort(Comparator.comparingInt((JmcFinding f) -> order.indexOf(f.severity()))
                .thenComparing(Comparator.comparingDouble(JmcFinding::score).reversed())
                .thenComparing(JmcFinding::ruleId));
        return findings;
    }

    private static JmcFinding finding(IRule rule, IResult r) {
        double score = -1;
        try {
            IQuantity q = r.getResult(TypedResult.SCORE);
            if (q != null) {
                score = q.doubleValueIn(UnitLookup.NUMBER_UNITY);
            }
        } catch (RuntimeException e) {
            score = -1;
        }
        Severity sev = r.getSeverity();
        return new JmcFinding(rule.getId(), rule.getName(), rule.getTopic(), sev == null ? "NA" : sev.name(), score,
                text(r, r.getSummary()), text(r, r.getExplanation()), text(r, r.getSolution()));
    }

    /** A result text with its {placeholders} filled in, as plain text. */
    private static String text(IResult r, String template) {
        if (template == null) {
            return "";
        }
        try {
            return plain(ResultToolkit.populateMessage(r, template, false));
        } catch (RuntimeException e) {
            return plain(template);
        }
    }

    /** JMC texts carry light HTML markup; reports get plain one-space text. */
    static String plain(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("<[^>]+>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replace("&quot;", "\"").replaceAll("\\s+", " ").strip();
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ").strip();
    }

    private static String mib(long bytes) {
        return Units.bytes(bytes);
    }
}
