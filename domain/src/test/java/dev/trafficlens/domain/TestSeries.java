package dev.trafficlens.domain;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import java.time.Instant;

/** Builders for series in tests: five-minute samples from the start of 2026 unless told otherwise. */
public final class TestSeries {

    public static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

    private TestSeries() {
    }

    public static TrafficSeries inbound(double... values) {
        return TrafficSeries.of(Metric.BITRATE_IN, NEW_YEAR, Step.FIVE_MINUTES, values);
    }

    public static TrafficSeries outbound(double... values) {
        return TrafficSeries.of(Metric.BITRATE_OUT, NEW_YEAR, Step.FIVE_MINUTES, values);
    }

    public static TrafficSeries at(Metric metric, Instant start, double... values) {
        return TrafficSeries.of(metric, start, Step.FIVE_MINUTES, values);
    }
}
