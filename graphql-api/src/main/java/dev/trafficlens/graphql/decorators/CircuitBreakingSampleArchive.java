package dev.trafficlens.graphql.decorators;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.SampleArchive;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The archive behind a circuit breaker: once a read or write fails for the database's sake, the archive is skipped
 * for {@code openFor} (queries are answered from vendors with an ARCHIVE_UNAVAILABLE warning), so a dead database
 * costs one connection timeout, not one per query. One call then tries it again.
 */
public final class CircuitBreakingSampleArchive implements SampleArchive {

    private final SampleArchive archive;
    private final CircuitBreaker breaker;

    public CircuitBreakingSampleArchive(SampleArchive archive, Duration openFor) {
        this.archive = archive;
        this.breaker = CircuitBreaker.of("archive", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(1)
                .minimumNumberOfCalls(1)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                // Only the database's failures count: a bug elsewhere is not a reason to skip the archive.
                .recordExceptions(ArchiveUnavailableException.class)
                .build());
    }

    /** CLOSED, OPEN or HALF_OPEN. */
    public String state() {
        return breaker.getState().name();
    }

    @Override
    public Map<Metric, TrafficSeries> read(ResourceRef resource, Set<Metric> metrics, TimeWindow window) {
        return guarded(() -> archive.read(resource, metrics, window));
    }

    @Override
    public ArchiveWrite write(ResourceRef resource, List<TrafficSeries> series) {
        return guarded(() -> archive.write(resource, series));
    }

    @Override
    public long purge(ResourceRef resource) {
        return guarded(() -> archive.purge(resource));
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        return guarded(() -> archive.purgeBefore(cutoff));
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException open) {
            throw new ArchiveUnavailableException(
                    "the archive is skipped for a while after its database failed (circuit open)", open);
        }
    }
}
