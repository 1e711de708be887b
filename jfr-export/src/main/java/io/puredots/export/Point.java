package io.puredots.export;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric point: a metric name, a timestamp, sorted tags and one or more fields. The first
 * field is the point's value: the sample itself for a raw point ({@code value}), the mean for a
 * window ({@code mean}, followed by {@code p95}, {@code max} and {@code count}).
 *
 * <p>The timestamp is in nanoseconds since the Unix epoch, taken from the recording (the event's
 * start time, or the start of the window), never from the clock at export time: exporting the
 * same recording twice yields identical points.
 *
 * <p>Immutable; safe from any thread.
 */
public final class Point {
    /** Type of a field, as line protocol distinguishes it. */
    public enum FieldType { FLOAT, INTEGER, STRING }

    private final String metric;
    private final long timestampNanos;
    private final String[] tags;
    private final String[] fieldNames;
    private final FieldType[] fieldTypes;
    private final double[] numbers;
    private final String[] strings;

    private Point(String metric, long timestampNanos, String[] tags, String[] fieldNames,
                  FieldType[] fieldTypes, double[] numbers, String[] strings) {
        this.metric = metric;
        this.timestampNanos = timestampNanos;
        this.tags = tags;
        this.fieldNames = fieldNames;
        this.fieldTypes = fieldTypes;
        this.numbers = numbers;
        this.strings = strings;
    }

    /**
     * Sorts tag pairs by key and drops pairs whose value is null or empty (line protocol has no
     * empty tag values).
     *
     * @param pairs key0, value0, key1, value1, ...
     */
    public static String[] tags(String... pairs) {
        if ((pairs.length & 1) != 0) {
            throw new IllegalArgumentException("tags come in key/value pairs");
        }
        int n = 0;
        for (int i = 1; i < pairs.length; i += 2) {
            if (pairs[i] != null && !pairs[i].isEmpty()) {
                n++;
            }
        }
        String[] out = new String[n * 2];
        int j = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
                // insertion sort: at most a handful of tags
                int k = j;
                while (k > 0 && out[k - 2].compareTo(pairs[i]) > 0) {
                    out[k] = out[k - 2];
                    out[k + 1] = out[k - 1];
                    k -= 2;
                }
                out[k] = pairs[i];
                out[k + 1] = pairs[i + 1];
                j += 2;
            }
        }
        return out;
    }

    /** A raw point with one field {@code value}. */
    public static Point raw(Metric metric, long timestampNanos, String[] sortedTags, long rawValue) {
        return new Point(metric.id(), timestampNanos, sortedTags, new String[] {"value"},
                new FieldType[] {metric.integer() ? FieldType.INTEGER : FieldType.FLOAT},
                new double[] {metric.scaled(rawValue)}, null);
    }

    /** A raw point with one float field {@code value}. */
    public static Point rawDouble(Metric metric, long timestampNanos, String[] sortedTags, double value) {
        return new Point(metric.id(), timestampNanos, sortedTags, new String[] {"value"},
                new FieldType[] {FieldType.FLOAT}, new double[] {value}, null);
    }

    /** A window: mean, p95, max (in the metric's unit) and count. */
    public static Point window(Metric metric, long timestampNanos, String[] sortedTags,
                               double mean, double p95, double max, long count) {
        FieldType t = metric.integer() ? FieldType.INTEGER : FieldType.FLOAT;
        return new Point(metric.id(), timestampNanos, sortedTags,
                new String[] {"mean", "p95", "max", "count"},
                new FieldType[] {FieldType.FLOAT, t, t, FieldType.INTEGER},
                new double[] {mean, p95, max, count}, null);
    }

    /** A point with arbitrary fields; {@code strings[i]} is used where {@code types[i]} is STRING. */
    public static Point of(String metric, long timestampNanos, String[] sortedTags, String[] fieldNames,
                           FieldType[] types, double[] numbers, String[] strings) {
        if (fieldNames.length == 0 || fieldNames.length != types.length || numbers.length != types.length
                || (strings != null && strings.length != types.length)) {
            throw new IllegalArgumentException("fields: names, types and values must have the same non-zero length");
        }
        return new Point(Objects.requireNonNull(metric), timestampNanos, sortedTags, fieldNames.clone(),
                types.clone(), numbers.clone(), strings == null ? null : strings.clone());
    }

    public String metric() {
        return metric;
    }

    /** Nanoseconds since the Unix epoch. */
    public long timestampNanos() {
        return timestampNanos;
    }

    public int tagCount() {
        return tags.length / 2;
    }

    public String tagKey(int i) {
        return tags[2 * i];
    }

    public String tagValue(int i) {
        return tags[2 * i + 1];
    }

    /** The value of tag {@code key}, or null. */
    public String tag(String key) {
        for (int i = 0; i < tags.length; i += 2) {
            if (tags[i].equals(key)) {
                return tags[i + 1];
            }
        }
        return null;
    }

    public int fieldCount() {
        return fieldNames.length;
    }

    public String fieldName(int i) {
        return fieldNames[i];
    }

    public FieldType fieldType(int i) {
        return fieldTypes[i];
    }

    /** The numeric value of field i (integers are exact up to 2^53). */
    public double number(int i) {
        return numbers[i];
    }

    /** The text of string field i. */
    public String string(int i) {
        return strings == null ? null : strings[i];
    }

    /** Index of the field named {@code name}, or -1. */
    public int field(String name) {
        for (int i = 0; i < fieldNames.length; i++) {
            if (fieldNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Point)) {
            return false;
        }
        Point p = (Point) o;
        return timestampNanos == p.timestampNanos && metric.equals(p.metric) && Arrays.equals(tags, p.tags)
                && Arrays.equals(fieldNames, p.fieldNames) && Arrays.equals(fieldTypes, p.fieldTypes)
                && Arrays.equals(numbers, p.numbers) && Arrays.equals(strings, p.strings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, timestampNanos, Arrays.hashCode(tags), Arrays.hashCode(numbers));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        LineProtocol.append(sb, this);
        return sb.toString();
    }
}
