package io.puredots.analyzer.model;

/**
 * One registry ({@code puredots.RegistryUpdate}). Immutable.
 *
 * @param name             registry name
 * @param updates          update events
 * @param updatesPerFrame  updates divided by frames (0 without frames)
 * @param minEntries       fewest entries after an update
 * @param maxEntries       most entries after an update
 * @param lastEntries      entries after the last update
 * @param adds             entries added, summed
 * @param removes          entries removed, summed
 * @param changes          existing entries changed, summed
 * @param updateNanos      duration of each update
 */
public record Registry(String name, long updates, double updatesPerFrame, long minEntries, long maxEntries,
                       long lastEntries, long adds, long removes, long changes, Distribution updateNanos) {
}
