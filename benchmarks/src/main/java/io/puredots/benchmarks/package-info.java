/** JMH benchmarks, and {@link io.puredots.benchmarks.ObserverEffect} (ticks/s of the game with and without a recording). */
package io.puredots.benchmarks;
