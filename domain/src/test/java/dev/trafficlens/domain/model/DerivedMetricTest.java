package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DerivedMetricTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final DerivedMetric BITRATE_IN =
            DerivedMetric.bitRateFromVolume(Direction.IN, Set.of(Step.ONE_MINUTE, Step.FIVE_MINUTES));

    @Test
    void a_bit_rate_is_each_buckets_bytes_times_8_over_its_seconds_and_a_gap_stays_a_gap() {
        Random random = new Random(20261101);
        for (int round = 0; round < 200; round++) {
            Step step = random.nextBoolean() ? Step.ONE_MINUTE : Step.FIVE_MINUTES;
            double[] bytes = new double[1 + random.nextInt(600)];
            for (int i = 0; i < bytes.length; i++) {
                // Up to about 10 GB a bucket, a tenth missing, and now and then an idle bucket.
                bytes[i] = random.nextInt(10) == 0 ? Double.NaN
                        : random.nextInt(20) == 0 ? 0 : Math.floor(random.nextDouble() * 1e10);
            }
            Instant start = START.plusSeconds(step.seconds() * random.nextInt(10_000));

            TrafficSeries rates = BITRATE_IN.derive(TrafficSeries.of(Metric.VOLUME_IN, start, step, bytes));

            assertThat(rates.metric()).isEqualTo(Metric.BITRATE_IN);
            assertThat(rates.start()).isEqualTo(start);
            assertThat(rates.step()).isEqualTo(step);
            assertThat(rates.size()).isEqualTo(bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                double expected = bytes[i] * 8 / step.seconds();
                // Boxed, so that a gap (NaN) equals a gap.
                assertThat(Double.valueOf(rates.valueAt(i))).as("round %d slot %d", round, i)
                        .isEqualTo(Double.valueOf(expected));
            }
        }
    }

    @Test
    void a_rate_held_over_a_bucket_moves_its_bytes_again() {
        TrafficSeries bytes = TrafficSeries.of(Metric.VOLUME_IN, START, Step.FIVE_MINUTES, 3.75e9, 1.5e9);

        TrafficSeries rates = BITRATE_IN.derive(bytes);

        assertThat(rates.valueAt(0)).isEqualTo(1e8); // 3.75 GB in 300 s is 100 Mbit/s
        assertThat(Quantity.BITRATE.totalOf(rates.valueAt(1), 300)).isEqualTo(1.5e9);
    }

    @Test
    void refuses_buckets_of_another_metric_or_too_coarse_a_step() {
        assertThatThrownBy(() -> BITRATE_IN.derive(TrafficSeries.of(Metric.VOLUME_OUT, START, Step.FIVE_MINUTES, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a VOLUME_IN series");
        assertThatThrownBy(() -> BITRATE_IN.derive(TrafficSeries.of(Metric.VOLUME_IN, START, Step.ONE_HOUR, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only from buckets of [1m, 5m]");
    }

    @Test
    void is_a_bit_rate_from_the_volume_of_its_own_direction_only() {
        assertThat(BITRATE_IN.metric()).isEqualTo(Metric.BITRATE_IN);
        assertThat(BITRATE_IN.basis()).isEqualTo(Metric.VOLUME_IN);
        assertThat(BITRATE_IN.allowedAt(Step.FIVE_MINUTES)).isTrue();
        assertThat(BITRATE_IN.allowedAt(Step.ONE_HOUR)).isFalse();
        assertThatThrownBy(() -> new DerivedMetric(Metric.BITRATE_IN, Metric.VOLUME_OUT, Set.of(Step.FIVE_MINUTES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same direction");
        assertThatThrownBy(() -> new DerivedMetric(Metric.PACKET_RATE_IN, Metric.VOLUME_IN, Set.of(Step.FIVE_MINUTES)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DerivedMetric.bitRateFromVolume(Direction.IN, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fetchSteps");
    }

    @Test
    void limits_refuse_a_derivation_from_a_metric_the_vendor_does_not_serve_or_at_a_step_it_does_not_serve() {
        assertThatThrownBy(() -> new SourceLimits(Set.of(Step.FIVE_MINUTES), Step.FIVE_MINUTES, Duration.ofDays(1),
                Optional.empty(), Set.of(Metric.VOLUME_OUT), Set.of(BITRATE_IN), RateLimit.assumedPerSecond(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("derivedMetrics");
        assertThatThrownBy(() -> new SourceLimits(Set.of(Step.FIVE_MINUTES), Step.FIVE_MINUTES, Duration.ofDays(1),
                Optional.empty(), Set.of(Metric.VOLUME_IN), Set.of(BITRATE_IN), RateLimit.assumedPerSecond(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("native steps");
        assertThatThrownBy(() -> new SourceLimits(Set.of(Step.FIVE_MINUTES), Step.FIVE_MINUTES, Duration.ofDays(1),
                Optional.empty(), Set.of(Metric.VOLUME_IN, Metric.BITRATE_IN),
                Set.of(DerivedMetric.bitRateFromVolume(Direction.IN, Set.of(Step.FIVE_MINUTES))),
                RateLimit.assumedPerSecond(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not serve");
    }
}
