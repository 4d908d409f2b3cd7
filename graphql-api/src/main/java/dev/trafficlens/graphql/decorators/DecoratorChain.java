package dev.trafficlens.graphql.decorators;

import dev.trafficlens.domain.port.out.TrafficSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * The one place the {@link TrafficSource} decorators in front of an adapter are put in order. A planned call meets
 * them from the outside in: a meter of every planned call, the cache (when on), a meter of the calls that reach the
 * adapter, and the adapter. A new decorator (the sample archive) is inserted here and nowhere else.
 */
public final class DecoratorChain {

    /** The meter of every planned call, answered from the cache or not. */
    public static final String PLANNED_CALLS = "trafficlens.planned.calls";
    /** The meter of the planned calls that reached the adapter, retries included. */
    public static final String VENDOR_CALLS = "trafficlens.vendor.calls";

    private DecoratorChain() {
    }

    /** {@code adapter} behind the service's decorators; {@code cache} empty leaves the cache out. */
    public static TrafficSource around(TrafficSource adapter, MeterRegistry registry,
                                       Optional<CachingTrafficSource.CacheSettings> cache, Clock clock) {
        TrafficSource source = new MeteredTrafficSource(adapter, registry, VENDOR_CALLS);
        if (cache.isPresent()) {
            source = new CachingTrafficSource(source, cache.get(), clock, registry);
        }
        return new MeteredTrafficSource(source, registry, PLANNED_CALLS);
    }
}
