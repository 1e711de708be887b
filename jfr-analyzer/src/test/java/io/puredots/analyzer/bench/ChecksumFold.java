package io.puredots.analyzer.bench;

import io.puredots.analyzer.read.EventHandler;

/**
 * A handler base that folds every call's values into a checksum and counts the calls, so that a
 * benchmark reader's decoding is not optimised away. Not thread-safe: one chunk, one thread.
 */
abstract class ChecksumFold implements EventHandler {
    long events;
    long sum;

    final void add(long start, long dur, long x, Object s) {
        events++;
        sum += start ^ dur ^ x ^ (s == null ? 0 : s.hashCode());
    }
}
