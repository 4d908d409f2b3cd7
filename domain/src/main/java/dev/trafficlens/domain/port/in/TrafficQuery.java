package dev.trafficlens.domain.port.in;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.SourceLimits;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.plan.ResampleMode;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One question: the traffic of a resource over {@code [from, to)}. The window is widened to the step grid. An empty
 * step means the source's default step; empty metrics mean every metric the source offers at that step
 * ({@link #effectiveMetrics()}); an empty resample mode means AVG for rates and SUM for volumes. {@link #validate}
 * reports every problem at once; the constructor refuses the same with an exception. Checks that need the step's
 * buckets (a derived metric) or the clock (retention) happen when the query runs.
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
        metrics = Set.copyOf(metrics);
        Seq<QueryProblem> problems = problems(resource, from, to, metrics);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("TrafficQuery: " + problems.mkString("; "));
        }
    }

    /** The traffic of {@code resource} over {@code [from, to)} at the source's default step, every metric. */
    public static TrafficQuery of(ResourceRef resource, Instant from, Instant to) {
        return new TrafficQuery(Optional.empty(), resource, from, to, Optional.empty(), Set.of(), Optional.empty());
    }

    public static TrafficQuery of(ResourceRef resource, TimeWindow window) {
        return of(resource, window.from(), window.to());
    }

    public static Validation<Seq<QueryProblem>, TrafficQuery> validate(
            Optional<String> key, ResourceRef resource, Instant from, Instant to, Optional<Step> step,
            Set<Metric> metrics, Optional<ResampleMode> resampleMode) {
        Seq<QueryProblem> problems = problems(resource, from, to, metrics);
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
    public Validation<Seq<QueryProblem>, Set<Metric>> effectiveMetrics() {
        Source source = resource.source();
        SourceLimits limits = source.limits();
        Step reported = step.orElse(limits.defaultStep());
        if (metrics.isEmpty()) {
            return Validation.valid(limits.metricsAt(reported));
        }
        Set<Metric> ordered = new LinkedHashSet<>();
        List<QueryProblem> problems = List.empty();
        for (Metric metric : limits.offeredMetrics()) {
            if (metrics.contains(metric)) {
                ordered.add(metric);
                Optional<String> refusal = limits.derivationRefusal(source.id(), metric, reported);
                if (refusal.isPresent()) {
                    problems = problems.append(QueryProblem.invalid("metrics", refusal.get()));
                }
            }
        }
        return problems.isEmpty() ? Validation.valid(ordered) : Validation.invalid(problems);
    }

    private static Seq<QueryProblem> problems(ResourceRef resource, Instant from, Instant to, Set<Metric> metrics) {
        List<QueryProblem> problems = List.empty();
        if (resource == null) {
            problems = problems.append(QueryProblem.invalid("resource", "expected a resource"));
        }
        if (from == null) {
            problems = problems.append(QueryProblem.invalid("from", "expected a time"));
        }
        if (to == null) {
            problems = problems.append(QueryProblem.invalid("to", "expected a time"));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            problems = problems.append(QueryProblem.invalid("to", "expected a time after from (" + from + "), got " + to));
        }
        if (resource != null && metrics != null) {
            Set<Metric> served = resource.source().limits().offeredMetrics();
            for (Metric metric : metrics) {
                if (!served.contains(metric)) {
                    problems = problems.append(QueryProblem.invalid("metrics", resource.source().id()
                            + " serves " + served + ": it has no " + metric));
                }
            }
        }
        return problems;
    }
}
