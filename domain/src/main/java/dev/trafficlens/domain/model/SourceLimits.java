package dev.trafficlens.domain.model;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one vendor API allows, as data: the steps it serves (and the one used when a query names none), the longest
 * window one call may ask for, how far back data is kept, the metrics it returns, and how fast it may be called.
 * The planner reads nothing else.
 */
public record SourceLimits(
        Set<Step> nativeSteps,
        Step defaultStep,
        Duration maxSpanPerCall,
        Optional<Duration> retention,
        Set<Metric> metrics,
        RateLimit rateLimit) {

    /** Metrics are listed by quantity, then direction: bit rate in, out, total, then packet rate, then volume. */
    private static final Comparator<Metric> METRIC_ORDER =
            Comparator.comparing(Metric::quantity).thenComparing(Metric::direction);

    public SourceLimits {
        Objects.requireNonNull(nativeSteps, "nativeSteps");
        Objects.requireNonNull(defaultStep, "defaultStep");
        Objects.requireNonNull(maxSpanPerCall, "maxSpanPerCall");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(rateLimit, "rateLimit");
        if (nativeSteps.isEmpty()) {
            throw new IllegalArgumentException("nativeSteps: expected at least one step");
        }
        if (!nativeSteps.contains(defaultStep)) {
            throw new IllegalArgumentException("defaultStep: expected one of " + nativeSteps + ", got " + defaultStep);
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics: expected at least one metric");
        }
        for (Step step : nativeSteps) {
            // Calls are cut at multiples of the span; that keeps every call on every native step's grid.
            if (maxSpanPerCall.getSeconds() % step.seconds() != 0 || maxSpanPerCall.getNano() != 0
                    || maxSpanPerCall.isZero()) {
                throw new IllegalArgumentException("maxSpanPerCall: expected a positive multiple of every native step, got "
                        + maxSpanPerCall + " with step " + step);
            }
        }
        retention.ifPresent(days -> {
            if (days.isZero() || days.isNegative()) {
                throw new IllegalArgumentException("retention: expected a positive duration, got " + days);
            }
        });
        nativeSteps = Collections.unmodifiableSortedSet(new TreeSet<>(nativeSteps));
        Set<Metric> ordered = new TreeSet<>(METRIC_ORDER);
        ordered.addAll(metrics);
        metrics = Collections.unmodifiableSet(ordered);
    }

    /** The finest step the vendor serves. */
    public Step finestStep() {
        return nativeSteps.iterator().next(); // sorted ascending on construction
    }

    /** The coarsest native step that divides {@code requested}, which needs the fewest samples to resample from. */
    public Optional<Step> fetchStepFor(Step requested) {
        Step best = null;
        for (Step step : nativeSteps) {
            if (step.divides(requested)) {
                best = step;
            }
        }
        return Optional.ofNullable(best);
    }
}
