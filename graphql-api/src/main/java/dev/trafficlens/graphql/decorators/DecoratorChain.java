package dev.trafficlens.graphql.decorators;

import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.port.out.SharedCallPermits;
import dev.trafficlens.domain.port.out.TrafficSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place the {@link TrafficSource} decorators in front of an adapter are put in order. A planned call meets
 * them from the outside in: a meter of every planned call, the cache (when on), a meter of the calls that reach the
 * vendor, the permit shared by the replicas on one PostgreSQL (when shared), and the adapter. A new decorator is
 * inserted here and nowhere else. (The sample archive is not one of them: the domain's service reads it before it
 * plans any call, and writes back what the vendors answered.)
 */
public final class DecoratorChain {

    /** The meter of every planned call, answered from the cache or not. */
    public static final String PLANNED_CALLS = "trafficlens.planned.calls";
    /** The meter of the planned calls that reached the adapter, retries included. */
    public static final String VENDOR_CALLS = "trafficlens.vendor.calls";

    private DecoratorChain() {
    }

    /**
     * The permits every replica on one database shares before a call reaches a vendor ({@link SharedCallPermits}), and
     * what a call of this adapter's credential asks them for; {@link SharedCallPermits#unshared()} leaves the
     * decorator out.
     */
    public record SharedPermits(SharedCallPermits permits, String accessKeyId, Function<Source, RateLimit> rateOf,
                                Duration longestWait) {
        public SharedPermits {
            Objects.requireNonNull(permits, "permits");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(rateOf, "rateOf");
            Objects.requireNonNull(longestWait, "longestWait");
        }

        @Override
        public String toString() {
            return "SharedPermits[" + permits.getClass().getSimpleName() + ", longestWait=" + longestWait + "]";
        }
    }

    /** {@code adapter} behind the service's decorators; {@code cache} empty leaves the cache out. */
    public static TrafficSource around(TrafficSource adapter, MeterRegistry registry,
                                       Optional<CachingTrafficSource.CacheSettings> cache, SharedPermits shared,
                                       Clock clock) {
        TrafficSource source = adapter;
        if (shared.permits() != SharedCallPermits.UNSHARED) {
            source = new SharedRateLimitedTrafficSource(
                    source, shared.permits(), shared.accessKeyId(), shared.rateOf(), shared.longestWait());
        }
        // Below the cache and above the shared permits: a call that waited for its permit is timed with its wait.
        source = new MeteredTrafficSource(source, registry, VENDOR_CALLS);
        if (cache.isPresent()) {
            source = new CachingTrafficSource(source, cache.get(), clock, registry);
        }
        return new MeteredTrafficSource(source, registry, PLANNED_CALLS);
    }
}
