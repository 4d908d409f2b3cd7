package dev.trafficlens.graphql;

import dev.trafficlens.adapters.support.ExchangeListener;
import dev.trafficlens.domain.model.Source;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The service's own meters (served at {@code /actuator/metrics} and {@code /actuator/prometheus}); the cache's are
 * Micrometer's Caffeine meters ({@code cache.gets} with {@code result=hit|miss}, {@code cache=}{@value #CACHE}).
 */
final class TrafficMetrics implements ExchangeListener {

    /** Every planned call the domain made, answered from the cache or not: source, outcome, code. */
    static final String PLANNED_CALLS = "trafficlens.planned.calls";
    /** Planned calls that went to the vendor, retries included: source, outcome, code. */
    static final String VENDOR_CALLS = "trafficlens.vendor.calls";
    /** Each HTTP request to a vendor: source, HTTP status ({@code none} when no answer came). */
    static final String VENDOR_REQUESTS = "trafficlens.vendor.requests";
    /** HTTP requests that repeated a failed one: source. */
    static final String VENDOR_RETRIES = "trafficlens.vendor.retries";
    /** The name of the planned-call caches, one per adapter, told apart by their {@code sources} tag. */
    static final String CACHE = "trafficlens.vendor-calls";

    private final MeterRegistry registry;

    TrafficMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    @Override
    public void attemptEnded(Source source, int attempt, Duration took, OptionalInt httpStatus) {
        Timer.builder(VENDOR_REQUESTS)
                .tag("source", source.id())
                .tag("status", httpStatus.isPresent() ? Integer.toString(httpStatus.getAsInt()) : "none")
                .register(registry)
                .record(took);
        if (attempt > 1) {
            Counter.builder(VENDOR_RETRIES).tag("source", source.id()).register(registry).increment();
        }
    }
}
