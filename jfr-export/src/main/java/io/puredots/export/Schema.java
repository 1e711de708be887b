package io.puredots.export;

import java.util.List;

/**
 * Every tag key and field name the event mapping produces: the columns of CSV, the keys a
 * dashboard can group by. Immutable.
 */
public final class Schema {
    private Schema() {
    }

    /** Tag keys, in CSV column order. */
    public static final List<String> TAG_KEYS = List.of(
            "level", "group", "system", "archetype", "registry", "owner", "kind", "when", "job", "worker",
            "collector", "budget", "severity");

    /** Field names, in CSV column order: raw value, window statistics, budget violation details. */
    public static final List<String> FIELD_NAMES = List.of(
            "value", "mean", "p95", "max", "count", "limit", "consecutive_frames", "unit");
}
