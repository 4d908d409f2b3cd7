package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Limits that protect the service and the vendors' quotas. Calls to each source run at most
 * {@code maxConcurrentCallsPerSource} at a time (unless {@code concurrentCalls} sets a source's own bound) and within
 * the source's rate limit (its documented or assumed one, unless {@code rateLimits} overrides it, for an account with
 * a larger quota). A run holds at most {@code maxQueriesPerRun} queries needing at most {@code maxCallsPerRun} vendor
 * calls, and no series may hold more than {@code maxPointsPerSeries} samples.
 */
public record QuerySettings(
        int maxConcurrentCallsPerSource,
        Map<Source, Integer> concurrentCalls,
        Map<Source, RateLimit> rateLimits,
        int maxQueriesPerRun,
        int maxCallsPerRun,
        int maxPointsPerSeries) {

    public static final QuerySettings DEFAULTS = new QuerySettings(8, Map.of(), Map.of(), 100, 1_000, 100_000);

    public QuerySettings {
        concurrentCalls = Map.copyOf(concurrentCalls);
        rateLimits = Map.copyOf(rateLimits);
        positive("maxConcurrentCallsPerSource", maxConcurrentCallsPerSource);
        concurrentCalls.forEach((source, calls) -> positive("concurrentCalls[" + source.id() + "]", calls));
        positive("maxQueriesPerRun", maxQueriesPerRun);
        positive("maxCallsPerRun", maxCallsPerRun);
        positive("maxPointsPerSeries", maxPointsPerSeries);
    }

    /** The bound of every source that has none of its own. */
    public QuerySettings withMaxConcurrentCallsPerSource(int calls) {
        return new QuerySettings(calls, concurrentCalls, rateLimits, maxQueriesPerRun, maxCallsPerRun,
                maxPointsPerSeries);
    }

    /** {@code source}'s own bound on calls in flight. */
    public QuerySettings withMaxConcurrentCalls(Source source, int calls) {
        return new QuerySettings(maxConcurrentCallsPerSource, with(concurrentCalls, source, calls), rateLimits,
                maxQueriesPerRun, maxCallsPerRun, maxPointsPerSeries);
    }

    public QuerySettings withRateLimit(Source source, RateLimit limit) {
        return new QuerySettings(maxConcurrentCallsPerSource, concurrentCalls,
                with(rateLimits, source, Objects.requireNonNull(limit, "limit")), maxQueriesPerRun, maxCallsPerRun,
                maxPointsPerSeries);
    }

    public QuerySettings withMaxQueriesPerRun(int queries) {
        return new QuerySettings(maxConcurrentCallsPerSource, concurrentCalls, rateLimits, queries, maxCallsPerRun,
                maxPointsPerSeries);
    }

    public QuerySettings withMaxCallsPerRun(int calls) {
        return new QuerySettings(maxConcurrentCallsPerSource, concurrentCalls, rateLimits, maxQueriesPerRun, calls,
                maxPointsPerSeries);
    }

    public QuerySettings withMaxPointsPerSeries(int points) {
        return new QuerySettings(maxConcurrentCallsPerSource, concurrentCalls, rateLimits, maxQueriesPerRun,
                maxCallsPerRun, points);
    }

    public RateLimit rateLimitOf(Source source) {
        return rateLimits.getOrDefault(source, source.limits().rateLimit());
    }

    public int maxConcurrentCallsOf(Source source) {
        return concurrentCalls.getOrDefault(source, maxConcurrentCallsPerSource);
    }

    private static <V> Map<Source, V> with(Map<Source, V> settings, Source source, V value) {
        Map<Source, V> changed = new EnumMap<>(Source.class);
        changed.putAll(settings);
        changed.put(Objects.requireNonNull(source, "source"), value);
        return changed;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1, got " + value);
        }
    }
}
