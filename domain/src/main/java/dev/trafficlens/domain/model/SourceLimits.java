package dev.trafficlens.domain.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one vendor API allows, as data: the steps it serves (and the one used when a query names none), the longest
 * window one call may ask for, how far back data is kept, the metrics it returns, the metrics trafficlens derives
 * from those (and from which buckets), and how fast it may be called. The planner reads nothing else.
 *
 * @param metrics        what the vendor returns; adapters are asked for these only
 * @param derivedMetrics what the query service computes from {@code metrics}, at the fetch steps each allows
 */
public record SourceLimits(
        Set<Step> nativeSteps,
        Step defaultStep,
        Duration maxSpanPerCall,
        Optional<Duration> retention,
        Set<Metric> metrics,
        Set<DerivedMetric> derivedMetrics,
        RateLimit rateLimit) {

    /** The usual steps, 1m to 1d; those that allow a derived metric are suggested when another step does not. */
    private static final List<Step> USUAL_STEPS = List.of(Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.FIFTEEN_MINUTES,
            Step.THIRTY_MINUTES, Step.ONE_HOUR, Step.TWO_HOURS, Step.ONE_DAY);

    /** Metrics are listed by quantity, then direction: bit rate in, out, total, then packet rate, then volume. */
    private static final Comparator<Metric> METRIC_ORDER =
            Comparator.comparing(Metric::quantity).thenComparing(Metric::direction);

    public SourceLimits {
        Objects.requireNonNull(nativeSteps, "nativeSteps");
        Objects.requireNonNull(defaultStep, "defaultStep");
        Objects.requireNonNull(maxSpanPerCall, "maxSpanPerCall");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(derivedMetrics, "derivedMetrics");
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
        for (DerivedMetric derived : derivedMetrics) {
            if (!metrics.contains(derived.basis()) || metrics.contains(derived.metric())) {
                throw new IllegalArgumentException("derivedMetrics: expected metrics the vendor does not serve, "
                        + "derived from ones it serves (" + metrics + "), got " + derived.metric() + " from "
                        + derived.basis());
            }
            if (!nativeSteps.containsAll(derived.fetchSteps())) {
                throw new IllegalArgumentException("derivedMetrics: expected " + derived.metric()
                        + " derived at native steps " + nativeSteps + ", got " + derived.fetchSteps());
            }
        }
        if (derivedMetrics.stream().map(DerivedMetric::metric).distinct().count() != derivedMetrics.size()) {
            throw new IllegalArgumentException("derivedMetrics: expected one derivation a metric, got " + derivedMetrics);
        }
        nativeSteps = Collections.unmodifiableSortedSet(new TreeSet<>(nativeSteps));
        metrics = ordered(metrics);
        Set<DerivedMetric> derivedInOrder = new TreeSet<>(Comparator.comparing(DerivedMetric::metric, METRIC_ORDER));
        derivedInOrder.addAll(derivedMetrics);
        derivedMetrics = Collections.unmodifiableSet(derivedInOrder);
    }

    /** Limits of a source whose metrics are all served by the vendor, none derived. */
    public SourceLimits(Set<Step> nativeSteps, Step defaultStep, Duration maxSpanPerCall, Optional<Duration> retention,
                        Set<Metric> metrics, RateLimit rateLimit) {
        this(nativeSteps, defaultStep, maxSpanPerCall, retention, metrics, Set.of(), rateLimit);
    }

    private static Set<Metric> ordered(Collection<Metric> metrics) {
        Set<Metric> ordered = new TreeSet<>(METRIC_ORDER);
        ordered.addAll(metrics);
        return Collections.unmodifiableSet(ordered);
    }

    /** Every metric a query may ask for: those the vendor serves and those derived from them, in metric order. */
    public Set<Metric> offeredMetrics() {
        List<Metric> offered = new ArrayList<>(metrics);
        derivedMetrics.forEach(derived -> offered.add(derived.metric()));
        return ordered(offered);
    }

    /** How {@code metric} is derived, or empty when the vendor serves it (or the source has no such metric). */
    public Optional<DerivedMetric> derivation(Metric metric) {
        return derivedMetrics.stream().filter(derived -> derived.metric().equals(metric)).findFirst();
    }

    /**
     * The metrics a query at {@code step} can have: those the vendor serves, and those derived from buckets of the
     * step's fetch step; in metric order.
     */
    public Set<Metric> metricsAt(Step step) {
        Optional<Step> fetchStep = fetchStepFor(step);
        List<Metric> available = new ArrayList<>(metrics);
        derivedMetrics.stream()
                .filter(derived -> fetchStep.isPresent() && derived.allowedAt(fetchStep.get()))
                .forEach(derived -> available.add(derived.metric()));
        return ordered(available);
    }

    /** What to ask the vendor for to report {@code reported}: served metrics as they are, derived ones' bases. */
    public Set<Metric> fetchedMetrics(Set<Metric> reported) {
        return ordered(reported.stream()
                .map(metric -> derivation(metric).map(DerivedMetric::basis).orElse(metric))
                .toList());
    }

    /**
     * Why a query of {@code sourceName} at {@code step} cannot have {@code metric}: present when the metric is derived
     * and the step is read from buckets too coarse to derive it from; empty otherwise (a step the source does not
     * serve at all is the planner's to report).
     */
    public Optional<String> derivationRefusal(String sourceName, Metric metric, Step step) {
        Optional<DerivedMetric> derivation = derivation(metric);
        Optional<Step> fetchStep = fetchStepFor(step);
        if (derivation.isEmpty() || fetchStep.isEmpty() || derivation.get().allowedAt(fetchStep.get())) {
            return Optional.empty();
        }
        DerivedMetric derived = derivation.get();
        String buckets = derived.fetchSteps().stream().map(Step::label).collect(Collectors.joining(" or "));
        List<String> allowed = USUAL_STEPS.stream()
                .filter(usual -> fetchStepFor(usual).map(derived::allowedAt).orElse(false))
                .map(Step::label)
                .toList();
        String suggestion = switch (allowed.size()) {
            case 0 -> "one read from " + buckets + " buckets";
            case 1 -> allowed.get(0);
            default -> String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
        };
        return Optional.of(sourceName + " has no " + metric + " at step " + step + ": " + metric + " = "
                + derived.formula() + ", derived only from " + buckets + " buckets; step " + step
                + " is read from " + fetchStep.get() + " buckets, and a percentile of " + fetchStep.get()
                + " averages is not a 5-minute billing figure: ask for step " + suggestion);
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
