package io.puredots.analyzer.read;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical {@code String} instances for one reader run: equal content, same instance, so that
 * handlers can key maps by identity-cheap strings and a run holds each distinct string once.
 * Thread-safe (chunks decoded in parallel share one instance).
 */
final class StringCanon {
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

    /** The canonical instance equal to {@code s}; {@code ""} for {@code null}. */
    String canon(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String c = map.putIfAbsent(s, s);
        return c == null ? s : c;
    }
}
