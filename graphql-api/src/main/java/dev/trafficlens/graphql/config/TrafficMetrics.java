package dev.trafficlens.graphql.config;

import dev.trafficlens.adapters.support.ExchangeListener;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.graphql.decorators.CachingTrafficSource;
import dev.trafficlens.graphql.decorators.DecoratorChain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's own meters (served at {@code /actuator/metrics} and {@code /actuator/prometheus}); the cache's are
 * Micrometer's Caffeine meters ({@code cache.gets} with {@code result=hit|miss}, {@code cache=}{@value #CACHE}).
 */
public final class TrafficMetrics implements ExchangeListener {

    /** Every planned call the domain made, answered from the cache or not: source, outcome, code. */
    public static final String PLANNED_CALLS = DecoratorChain.PLANNED_CALLS;
    /** Planned calls that went to the vendor, retries included: source, outcome, code. */
    public static final String VENDOR_CALLS = DecoratorChain.VENDOR_CALLS;
    /** Each HTTP request to a vendor: source, HTTP status ({@code none} when no answer came). */
    public static final String VENDOR_REQUESTS = "trafficlens.vendor.requests";
    /** HTTP requests that repeated a failed one: source. */
    public static final String VENDOR_RETRIES = "trafficlens.vendor.retries";
    /** Each source's circuit breaker: 0 closed (calling normally), 1 half open (trying a few calls), 2 open (paused). */
    public static final String VENDOR_CIRCUIT = "trafficlens.vendor.circuit.state";
    /** The name of the planned-call caches, one per adapter, told apart by their {@code sources} tag. */
    public static final String CACHE = CachingTrafficSource.CACHE;

    private final MeterRegistry registry;
    private final Map<Source, AtomicReference<String>> circuits = new EnumMap<>(Source.class);

    public TrafficMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Source source : Source.values()) {
            AtomicReference<String> state = new AtomicReference<>("CLOSED");
            circuits.put(source, state);
            Gauge.builder(VENDOR_CIRCUIT, state, TrafficMetrics::gaugeValue).tag("source", source.id()).register(registry);
        }
    }

    /** Each source's circuit breaker state, {@code CLOSED}, {@code HALF_OPEN} or {@code OPEN}. */
    Map<Source, String> circuits() {
        Map<Source, String> states = new EnumMap<>(Source.class);
        circuits.forEach((source, state) -> states.put(source, state.get()));
        return states;
    }

    private static double gaugeValue(AtomicReference<String> state) {
        return switch (state.get()) {
            case "OPEN" -> 2;
            case "HALF_OPEN" -> 1;
            default -> 0;
        };
    }

    @Override
    public void circuitChanged(Source source, String state) {
        circuits.get(source).set(state);
    }

    public MeterRegistry registry() {
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
