package dev.trafficlens.graphql.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code vendorCircuits}: each source's circuit breaker. The service stays UP while a
 * vendor is paused (its queries fail alone), so the details say which one.
 */
@Component
final class VendorCircuitsHealthIndicator implements HealthIndicator {

    private final TrafficMetrics metrics;

    VendorCircuitsHealthIndicator(TrafficMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        metrics.circuits().forEach((source, state) -> details.put(source.id(), state));
        return Health.up().withDetails(details).build();
    }
}
