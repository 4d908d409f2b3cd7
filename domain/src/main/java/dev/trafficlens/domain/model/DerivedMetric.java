package dev.trafficlens.domain.model;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A metric trafficlens computes from one its vendor serves: a bit rate from the bytes of each bucket, as
 * {@code basis × 8 ÷ bucket seconds}, the average rate over the bucket. Only buckets of {@code fetchSteps} qualify:
 * billing percentiles are taken over 5-minute rates, and the average rate of an hour or a day is no such figure (a
 * percentile of hourly averages understates the bill), so a vendor's hourly or daily bytes give no bit rate.
 */
public record DerivedMetric(Metric metric, Metric basis, Set<Step> fetchSteps) {

    private static final double BITS_PER_BYTE = 8;

    public DerivedMetric {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(fetchSteps, "fetchSteps");
        if (metric.quantity() != Quantity.BITRATE || basis.quantity() != Quantity.VOLUME
                || metric.direction() != basis.direction()) {
            throw new IllegalArgumentException("metric: expected a bit rate derived from the volume of the same "
                    + "direction, got " + metric + " from " + basis);
        }
        if (fetchSteps.isEmpty()) {
            throw new IllegalArgumentException("fetchSteps: expected at least one step to derive " + metric + " at");
        }
        fetchSteps = Collections.unmodifiableSortedSet(new TreeSet<>(fetchSteps));
    }

    /** The bit rate of {@code direction} from the bytes of buckets of {@code fetchSteps}. */
    public static DerivedMetric bitRateFromVolume(Direction direction, Set<Step> fetchSteps) {
        return new DerivedMetric(Metric.of(direction, Quantity.BITRATE), Metric.of(direction, Quantity.VOLUME),
                fetchSteps);
    }

    /** Whether buckets of {@code fetchStep} are fine enough to derive this metric from. */
    public boolean allowedAt(Step fetchStep) {
        return fetchSteps.contains(fetchStep);
    }

    /** How the metric is computed, for messages: {@code VOLUME_IN × 8 ÷ bucket seconds}. */
    public String formula() {
        return basis + " × 8 ÷ bucket seconds";
    }

    /**
     * This metric over the window of {@code buckets}, slot by slot; a missing bucket is a missing rate.
     *
     * @throws IllegalArgumentException when {@code buckets} is not the basis or not at a step allowed here
     */
    public TrafficSeries derive(TrafficSeries buckets) {
        if (!buckets.metric().equals(basis)) {
            throw new IllegalArgumentException("buckets: expected a " + basis + " series to derive " + metric
                    + " from, got " + buckets.metric());
        }
        if (!allowedAt(buckets.step())) {
            throw new IllegalArgumentException("buckets: " + metric + " is derived only from buckets of "
                    + fetchSteps + ", got " + buckets.step());
        }
        double seconds = buckets.step().seconds();
        TrafficSeries.Builder rates = TrafficSeries.builder(metric, buckets.window(), buckets.step());
        for (int i = 0, size = buckets.size(); i < size; i++) {
            rates.set(i, buckets.valueAt(i) * BITS_PER_BYTE / seconds); // NaN stays NaN: a gap stays a gap
        }
        return rates.build();
    }
}
