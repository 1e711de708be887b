package io.puredots.budgets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Frame, group, system and memory budgets, read from a budget file. The one format read by
 * sim-runtime (live monitor) and by the analyzer (report, compare).
 *
 * <p>Format: UTF-8 text, one {@code key = value} per line, {@code #} starts a comment. Keys are
 * stable dotted ids; values carry their unit. Unknown keys, duplicate keys and missing or wrong
 * units are errors, never ignored.
 *
 * <pre>{@code
 * frame                        = 16.6 ms    # whole frame
 * group.SpatialSystemGroup     = 1 ms       # one system group's time per frame
 * system.SpatialGridBuildSystem = 0.8 ms    # optional, one system's time per frame
 * streak.frames                = 5          # over budget for MORE than this many consecutive frames is a violation
 * memory.native.at.10000       = 100 MB     # native containers, for up to 10000 entities
 * memory.native.per-entity     = 10 KB      # native containers per live entity, on average
 * memory.heap                  = 2 GB       # optional, heap used after GC
 * critical.ratio               = 1.5        # measured >= ratio * limit is CRITICAL, else WARNING
 * regression.frame.p95         = 20 %       # optional, for compare: allowed increase
 * regression.memory.native.peak = 30 %      # any metric compare judges: frame.time (= frame.p95),
 *                                           # group.<G>.frame|call, system.<S>.frame|call, main.wait,
 *                                           # workers.utilization, memory.native.peak|per-entity,
 *                                           # memory.heap.after-gc
 * }</pre>
 *
 * <p>Time units: {@code ns us ms s}. Data units are binary: {@code B}, {@code KB}/{@code KiB}
 * = 1024 B, {@code MB}/{@code MiB} = 1024 KB, {@code GB}/{@code GiB} = 1024 MB. Percent: {@code %}.
 *
 * <p>The native memory budget for N entities is the budget of the smallest tier
 * {@code memory.native.at.T} with T &ge; N; beyond the largest tier it grows linearly from it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Budgets {
    /** Class-path location of the default budget file, a copy of {@code budgets/default.budgets}. */
    public static final String DEFAULT_RESOURCE = "/io/puredots/budgets/default.budgets";

    private static final int DEFAULT_STREAK_FRAMES = 5;
    private static final double DEFAULT_CRITICAL_RATIO = 1.5;

    private final String source;
    private final Map<String, String> entries;
    private final OptionalLong frameNanos;
    private final Map<String, Long> groupNanos;
    private final Map<String, Long> systemNanos;
    private final int streakFrames;
    private final NavigableMap<Long, Long> nativeTiers;
    private final OptionalLong nativePerEntityBytes;
    private final OptionalLong heapBytes;
    private final double criticalRatio;
    private final Map<String, Double> regressionPercent;

    private Budgets(String source, Map<String, String> entries, OptionalLong frameNanos,
                    Map<String, Long> groupNanos, Map<String, Long> systemNanos, int streakFrames,
                    NavigableMap<Long, Long> nativeTiers, OptionalLong nativePerEntityBytes,
                    OptionalLong heapBytes, double criticalRatio, Map<String, Double> regressionPercent) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(entries);
        this.frameNanos = frameNanos;
        this.groupNanos = Collections.unmodifiableMap(groupNanos);
        this.systemNanos = Collections.unmodifiableMap(systemNanos);
        this.streakFrames = streakFrames;
        this.nativeTiers = Collections.unmodifiableNavigableMap(nativeTiers);
        this.nativePerEntityBytes = nativePerEntityBytes;
        this.heapBytes = heapBytes;
        this.criticalRatio = criticalRatio;
        this.regressionPercent = Collections.unmodifiableMap(regressionPercent);
    }

    /** Reads a budget file. */
    public static Budgets read(Path file) throws IOException, BudgetFormatException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        }
    }

    /** The budgets shipped in the jar (a copy of {@code budgets/default.budgets}). */
    public static Budgets defaults() {
        try (InputStream in = Budgets.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + DEFAULT_RESOURCE);
            }
            return parse("default.budgets", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BudgetFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Parses budget text.
     *
     * @param source name used in error messages, for example the file name
     */
    public static Budgets parse(String source, Reader text) throws IOException, BudgetFormatException {
        Map<String, String> entries = new LinkedHashMap<>();
        OptionalLong frame = OptionalLong.empty();
        Map<String, Long> groups = new LinkedHashMap<>();
        Map<String, Long> systems = new LinkedHashMap<>();
        int streak = DEFAULT_STREAK_FRAMES;
        NavigableMap<Long, Long> tiers = new TreeMap<>();
        OptionalLong perEntity = OptionalLong.empty();
        OptionalLong heap = OptionalLong.empty();
        double critical = DEFAULT_CRITICAL_RATIO;
        Map<String, Double> regression = new LinkedHashMap<>();

        BufferedReader in = new BufferedReader(text);
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            int eq = content.indexOf('=');
            String where = source + ":" + lineNo;
            if (eq <= 0) {
                throw new BudgetFormatException(where + ": expected 'key = value', got '" + content + "'");
            }
            String key = content.substring(0, eq).strip();
            String value = content.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new BudgetFormatException(where + ": no value for '" + key + "'");
            }
            if (entries.putIfAbsent(key, value) != null) {
                throw new BudgetFormatException(where + ": duplicate key '" + key + "'");
            }
            if (key.equals("frame")) {
                frame = OptionalLong.of(parseNanos(where, key, value));
            } else if (key.startsWith("group.") && key.length() > 6) {
                groups.put(key.substring(6), parseNanos(where, key, value));
            } else if (key.startsWith("system.") && key.length() > 7) {
                systems.put(key.substring(7), parseNanos(where, key, value));
            } else if (key.equals("streak.frames")) {
                streak = (int) parseCount(where, key, value);
            } else if (key.startsWith("memory.native.at.")) {
                String n = key.substring("memory.native.at.".length());
                long entities;
                try {
                    entities = Long.parseLong(n);
                } catch (NumberFormatException e) {
                    throw new BudgetFormatException(where + ": '" + key + "' must end in an entity count, like memory.native.at.10000");
                }
                if (entities <= 0) {
                    throw new BudgetFormatException(where + ": entity count in '" + key + "' must be positive");
                }
                tiers.put(entities, parseBytes(where, key, value));
            } else if (key.equals("memory.native.per-entity")) {
                perEntity = OptionalLong.of(parseBytes(where, key, value));
            } else if (key.equals("memory.heap")) {
                heap = OptionalLong.of(parseBytes(where, key, value));
            } else if (key.equals("critical.ratio")) {
                critical = parsePositiveDouble(where, key, value);
                if (critical < 1.0) {
                    throw new BudgetFormatException(where + ": critical.ratio must be at least 1, got '" + value + "'");
                }
            } else if (key.startsWith("regression.") && key.length() > 11) {
                String metric = key.substring(11);
                if (!REGRESSION_METRIC.matcher(metric).matches()) {
                    throw new BudgetFormatException(where + ": unknown regression metric '" + metric + "' (known:"
                            + " frame.time or frame.p95, group.<Group>.frame, group.<Group>.call, system.<System>.frame,"
                            + " system.<System>.call, main.wait, workers.utilization, memory.native.peak,"
                            + " memory.native.per-entity, memory.heap.after-gc)");
                }
                regression.put(metric, parsePercent(where, key, value));
            } else {
                throw new BudgetFormatException(where + ": unknown budget key '" + key
                        + "' (known: frame, group.<Group>, system.<System>, streak.frames, memory.native.at.<N>,"
                        + " memory.native.per-entity, memory.heap, critical.ratio, regression.<metric>)");
            }
        }
        return new Budgets(source, entries, frame, groups, systems, streak, tiers, perEntity, heap,
                critical, regression);
    }

    /** Where these budgets came from (file name or "default.budgets"). */
    public String source() {
        return source;
    }

    /** Every key and its value text, in file order. */
    public Map<String, String> entries() {
        return entries;
    }

    /** Whole-frame budget in nanoseconds. */
    public OptionalLong frameNanos() {
        return frameNanos;
    }

    /** Per system group budget in nanoseconds, by group name, in file order. */
    public Map<String, Long> groupNanos() {
        return groupNanos;
    }

    /** Per system budget in nanoseconds, by system name, in file order. */
    public Map<String, Long> systemNanos() {
        return systemNanos;
    }

    /** Over budget for more than this many consecutive frames is a violation (plan default: 5). */
    public int streakFrames() {
        return streakFrames;
    }

    /** Native container budget tiers: entity count to bytes. */
    public NavigableMap<Long, Long> nativeTiers() {
        return nativeTiers;
    }

    /**
     * Native container budget in bytes for the given number of live entities: the smallest tier
     * at or above it, or the largest tier scaled linearly beyond it; empty if no tier is set.
     */
    public OptionalLong nativeBudgetFor(long entities) {
        if (nativeTiers.isEmpty()) {
            return OptionalLong.empty();
        }
        Map.Entry<Long, Long> tier = nativeTiers.ceilingEntry(Math.max(1, entities));
        if (tier != null) {
            return OptionalLong.of(tier.getValue());
        }
        Map.Entry<Long, Long> last = nativeTiers.lastEntry();
        return OptionalLong.of((long) ((double) last.getValue() * entities / last.getKey()));
    }

    /** Native container bytes per live entity, on average. */
    public OptionalLong nativePerEntityBytes() {
        return nativePerEntityBytes;
    }

    /** Heap used after GC, in bytes. */
    public OptionalLong heapBytes() {
        return heapBytes;
    }

    /** A measured value at or above {@code criticalRatio() * limit} is CRITICAL. */
    public double criticalRatio() {
        return criticalRatio;
    }

    /** Allowed increase in percent per metric id, for regression checks. */
    public Map<String, Double> regressionPercent() {
        return regressionPercent;
    }

    /** Allowed increase in percent for one metric id, if configured. */
    public OptionalDouble regressionPercent(String metric) {
        Double v = regressionPercent.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    // ---- value parsing ------------------------------------------------------------------

    /** The metric ids {@code jfr-analyzer compare} judges ({@code frame.p95} names {@code frame.time}). */
    private static final Pattern REGRESSION_METRIC = Pattern.compile(
            "frame\\.(time|p95)|(group|system)\\.[^.\\s]+\\.(frame|call)|main\\.wait|workers\\.utilization"
                    + "|memory\\.native\\.peak|memory\\.native\\.per-entity|memory\\.heap\\.after-gc");

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private static final String[][] TIME_UNITS = {{"ns", "1"}, {"us", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}};
    private static final String[][] DATA_UNITS = {
        {"KiB", "1024"}, {"MiB", "1048576"}, {"GiB", "1073741824"},
        {"KB", "1024"}, {"MB", "1048576"}, {"GB", "1073741824"}, {"B", "1"}};

    static long parseNanos(String where, String key, String value) throws BudgetFormatException {
        return (long) Math.round(withUnit(where, key, value, TIME_UNITS, "a time such as '16.6 ms'"));
    }

    static long parseBytes(String where, String key, String value) throws BudgetFormatException {
        return (long) Math.round(withUnit(where, key, value, DATA_UNITS, "a size such as '100 MB'"));
    }

    private static double withUnit(String where, String key, String value, String[][] units, String expected)
            throws BudgetFormatException {
        for (String[] u : units) {
            if (value.endsWith(u[0])) {
                String number = value.substring(0, value.length() - u[0].length()).strip();
                if (number.isEmpty()) {
                    break;
                }
                return parsePositiveDouble(where, key, number) * Double.parseDouble(u[1]);
            }
        }
        throw new BudgetFormatException(where + ": '" + key + "' needs " + expected + ", got '" + value + "'");
    }

    private static long parseCount(String where, String key, String value) throws BudgetFormatException {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BudgetFormatException(where + ": '" + key + "' needs a whole number of frames, got '" + value + "'");
        }
    }

    private static double parsePercent(String where, String key, String value) throws BudgetFormatException {
        if (!value.endsWith("%")) {
            throw new BudgetFormatException(where + ": '" + key + "' needs a percentage such as '20 %', got '" + value + "'");
        }
        return parsePositiveDouble(where, key, value.substring(0, value.length() - 1).strip());
    }

    private static double parsePositiveDouble(String where, String key, String number) throws BudgetFormatException {
        // plain decimals only: Double.parseDouble would also take "16.6f", "0x10", "1e3", "NaN"
        double d = PLAIN_DECIMAL.matcher(number).matches() ? Double.parseDouble(number) : Double.NaN;
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new BudgetFormatException(where + ": '" + key + "' needs a positive number, got '" + number + "'");
        }
        return d;
    }
}
