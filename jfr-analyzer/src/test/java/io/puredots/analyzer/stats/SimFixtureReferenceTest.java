package io.puredots.analyzer.stats;

import java.nio.file.Path;

/**
 * The reference checks on the committed sim-runtime recording
 * ({@code recordings/fixtures/sim-small.jfr}: {@code --entities 2000 --ticks 120 --scenario spikes}).
 */
class SimFixtureReferenceTest extends ReferenceChecks {
    @Override
    Path recording() {
        return Path.of("../recordings/fixtures/sim-small.jfr");
    }
}
