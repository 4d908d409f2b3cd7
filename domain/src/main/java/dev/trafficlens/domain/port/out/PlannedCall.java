package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import java.util.Objects;
import java.util.Set;

/**
 * One vendor-legal request: a resource, a window no longer than the source's span per call and on the grid of
 * {@code step}, one of the source's native steps, and the metrics wanted. Equal calls are interchangeable, which is
 * what lets them be cached and coalesced.
 */
public record PlannedCall(ResourceRef resource, TimeWindow window, Step step, Set<Metric> metrics) {

    public PlannedCall {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(step, "step");
        metrics = Set.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics: expected at least one metric");
        }
        if (!window.isAlignedTo(step)) {
            throw new IllegalArgumentException("window: expected " + window + " on the " + step + " grid");
        }
    }

    public Source source() {
        return resource.source();
    }
}
