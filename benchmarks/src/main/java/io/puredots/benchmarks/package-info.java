/** JMH benchmarks. */
package io.puredots.benchmarks;
