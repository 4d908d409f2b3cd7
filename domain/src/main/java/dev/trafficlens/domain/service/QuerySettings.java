package dev.trafficlens.domain.service;

import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import java.util.Map;
import java.util.Objects;

/**
 * Limits that protect the service and the vendors' quotas. Calls to each source run at most
 * {@code maxConcurrentCallsPerSource} at a time and within the source's rate limit (its documented or assumed one,
 * unless {@code rateLimits} overrides it, for an account with a larger quota). A run holds at most
 * {@code maxQueriesPerRun} queries needing at most {@code maxCallsPerRun} vendor calls, and no series may hold more
 * than {@code maxPointsPerSeries} samples.
 */
public record QuerySettings(
        int maxConcurrentCallsPerSource,
        Map<Source, RateLimit> rateLimits,
        int maxQueriesPerRun,
        int maxCallsPerRun,
        int maxPointsPerSeries) {

    public static final QuerySettings DEFAULTS = new QuerySettings(8, Map.of(), 100, 1_000, 100_000);

    public QuerySettings {
        rateLimits = Map.copyOf(rateLimits);
        positive("maxConcurrentCallsPerSource", maxConcurrentCallsPerSource);
        positive("maxQueriesPerRun", maxQueriesPerRun);
        positive("maxCallsPerRun", maxCallsPerRun);
        positive("maxPointsPerSeries", maxPointsPerSeries);
    }

    public QuerySettings withMaxConcurrentCallsPerSource(int calls) {
        return new QuerySettings(calls, rateLimits, maxQueriesPerRun, maxCallsPerRun, maxPointsPerSeries);
    }

    public QuerySettings withRateLimit(Source source, RateLimit limit) {
        Map<Source, RateLimit> overrides = new java.util.EnumMap<>(Source.class);
        overrides.putAll(rateLimits);
        overrides.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(limit, "limit"));
        return new QuerySettings(maxConcurrentCallsPerSource, overrides, maxQueriesPerRun, maxCallsPerRun,
                maxPointsPerSeries);
    }

    public QuerySettings withMaxQueriesPerRun(int queries) {
        return new QuerySettings(maxConcurrentCallsPerSource, rateLimits, queries, maxCallsPerRun, maxPointsPerSeries);
    }

    public QuerySettings withMaxCallsPerRun(int calls) {
        return new QuerySettings(maxConcurrentCallsPerSource, rateLimits, maxQueriesPerRun, calls, maxPointsPerSeries);
    }

    public QuerySettings withMaxPointsPerSeries(int points) {
        return new QuerySettings(maxConcurrentCallsPerSource, rateLimits, maxQueriesPerRun, maxCallsPerRun, points);
    }

    public RateLimit rateLimitOf(Source source) {
        return rateLimits.getOrDefault(source, source.limits().rateLimit());
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + ": expected at least 1, got " + value);
        }
    }
}
