package dev.trafficlens.domain.port.in;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.plan.ResampleMode;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One question: the traffic of a resource over {@code [from, to)}. The window is widened to the step grid. An empty
 * step means the source's default step; empty metrics mean every metric the source offers at that step
 * ({@link #effectiveMetrics()}); an empty resample mode means AVG for rates and SUM for volumes. {@link #validate}
 * reports every problem at once, a missing (null) field included; the constructor refuses the same with an exception.
 * Checks that need the step's buckets (a derived metric) or the clock (retention) happen when the query runs.
 */
public record TrafficQuery(
        Optional<String> key,
        ResourceRef resource,
        Instant from,
        Instant to,
        Optional<Step> step,
        Set<Metric> metrics,
        Optional<ResampleMode> resampleMode) {

    public TrafficQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(resampleMode, "resampleMode");
        Objects.requireNonNull(metrics, "metrics");
        List<QueryProblem> problems = problems(key, resource, from, to, step, metrics, resampleMode);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("TrafficQuery: "
                    + problems.stream().map(QueryProblem::toString).collect(Collectors.joining("; ")));
        }
        metrics = Set.copyOf(metrics);
    }

    /** The traffic of {@code resource} over {@code [from, to)} at the source's default step, every metric. */
    public static TrafficQuery of(ResourceRef resource, Instant from, Instant to) {
        return new TrafficQuery(Optional.empty(), resource, from, to, Optional.empty(), Set.of(), Optional.empty());
    }

    public static TrafficQuery of(ResourceRef resource, TimeWindow window) {
        return of(resource, window.from(), window.to());
    }

    public static Validation<List<QueryProblem>, TrafficQuery> validate(
            Optional<String> key, ResourceRef resource, Instant from, Instant to, Optional<Step> step,
            Set<Metric> metrics, Optional<ResampleMode> resampleMode) {
        List<QueryProblem> problems = problems(key, resource, from, to, step, metrics, resampleMode);
        return problems.isEmpty()
                ? Validation.valid(new TrafficQuery(key, resource, from, to, step, metrics, resampleMode))
                : Validation.invalid(problems);
    }

    public TrafficQuery withKey(String newKey) {
        return new TrafficQuery(Optional.of(newKey), resource, from, to, step, metrics, resampleMode);
    }

    public TrafficQuery withStep(Step newStep) {
        return new TrafficQuery(key, resource, from, to, Optional.of(newStep), metrics, resampleMode);
    }

    public TrafficQuery withMetrics(Metric... newMetrics) {
        return new TrafficQuery(key, resource, from, to, step, Set.of(newMetrics), resampleMode);
    }

    public TrafficQuery withResampleMode(ResampleMode mode) {
        return new TrafficQuery(key, resource, from, to, step, metrics, Optional.of(mode));
    }

    public TimeWindow window() {
        return new TimeWindow(from, to);
    }

    /**
     * The metrics this query reports, in the source's order: the requested ones, or every metric the source offers
     * at the query's step (for Tencent MNA: volumes at every step, and the derived bit rates at steps read from 1m or
     * 5m buckets). A requested metric the step cannot give is a problem of {@code metrics} saying why.
     */
    public Validation<List<QueryProblem>, Set<Metric>> effectiveMetrics() {
        Source source = resource.source();
        SourceLimits limits = source.limits();
        Step reported = step.orElse(limits.defaultStep());
        if (metrics.isEmpty()) {
            return Validation.valid(limits.metricsAt(reported));
        }
        Set<Metric> ordered = new LinkedHashSet<>();
        List<QueryProblem> problems = new ArrayList<>();
        for (Metric metric : limits.offeredMetrics()) {
            if (metrics.contains(metric)) {
                ordered.add(metric);
                limits.derivationRefusal(source.id(), metric, reported)
                        .ifPresent(refusal -> problems.add(QueryProblem.invalid("metrics", refusal)));
            }
        }
        return problems.isEmpty() ? Validation.valid(ordered) : Validation.invalid(List.copyOf(problems));
    }

    /** Every problem with the fields, in their order; a null where the record wants a value is one too. */
    private static List<QueryProblem> problems(Optional<String> key, ResourceRef resource, Instant from, Instant to,
            Optional<Step> step, Set<Metric> metrics, Optional<ResampleMode> resampleMode) {
        List<QueryProblem> problems = new ArrayList<>();
        if (key == null) {
            problems.add(QueryProblem.invalid("key", "expected a value or Optional.empty()"));
        }
        if (resource == null) {
            problems.add(QueryProblem.invalid("resource", "expected a resource"));
        }
        if (from == null) {
            problems.add(QueryProblem.invalid("from", "expected a time"));
        }
        if (to == null) {
            problems.add(QueryProblem.invalid("to", "expected a time"));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(QueryProblem.invalid("to", "expected a time after from (" + from + "), got " + to));
        }
        if (step == null) {
            problems.add(QueryProblem.invalid("step", "expected a value or Optional.empty()"));
        }
        if (metrics == null) {
            problems.add(QueryProblem.invalid("metrics", "expected a set of metrics, empty for every metric served"));
        } else {
            Set<Metric> served = resource == null ? Set.of() : resource.source().limits().offeredMetrics();
            for (Metric metric : metrics) {
                if (metric == null) {
                    problems.add(QueryProblem.invalid("metrics", "expected metrics, got a null among them"));
                } else if (resource != null && !served.contains(metric)) {
                    problems.add(QueryProblem.invalid("metrics", resource.source().id()
                            + " serves " + served + ": it has no " + metric));
                }
            }
        }
        if (resampleMode == null) {
            problems.add(QueryProblem.invalid("resampleMode", "expected a value or Optional.empty()"));
        }
        return List.copyOf(problems);
    }
}
