/**
 * The traffic model: sources and their limits, resource references, metrics, time windows and steps, series, errors.
 * Every type here is immutable and checks its own invariants on construction.
 */
package dev.trafficlens.domain.model;
