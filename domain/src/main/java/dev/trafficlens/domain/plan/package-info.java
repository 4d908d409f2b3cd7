/**
 * Planning around vendor limits, as pure functions: split a window into the fewest calls a source allows, stitch
 * the answers back on the step grid with gaps marked, and resample to a coarser step.
 */
package dev.trafficlens.domain.plan;
