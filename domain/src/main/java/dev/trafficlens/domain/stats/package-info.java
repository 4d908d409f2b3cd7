/**
 * Exact statistics of traffic series: percentiles by named methods, series summaries, the billing rules that combine
 * directions, and sums across links. Selection runs on Apache Commons Statistics; nothing here boxes a sample.
 */
package dev.trafficlens.domain.stats;
