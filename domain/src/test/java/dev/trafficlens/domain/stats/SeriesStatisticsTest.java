package dev.trafficlens.domain.stats;

import static dev.trafficlens.domain.TestSeries.inbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trafficlens.domain.TestSeries;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesStatisticsTest {

    private static final double NA = Double.NaN;

    @Test
    void summarises_present_samples_and_reports_gaps() {
        SeriesStatistics stats = SeriesStatistics.of(inbound(8_000, NA, 16_000, 24_000), StatisticsRequest.BILLING);

        assertThat(stats.count()).isEqualTo(3);
        assertThat(stats.missing()).isEqualTo(1);
        assertThat(stats.coverage()).isEqualTo(0.75);
        assertThat(stats.min()).hasValue(8_000);
        assertThat(stats.max()).hasValue(24_000);
        assertThat(stats.mean()).hasValue(16_000);
        // 48,000 bit/s-steps of 300 s: 48,000 * 300 / 8 bytes.
        assertThat(stats.total()).hasValue(1_800_000);
        assertThat(stats.totalUnit()).isEqualTo("B");
        assertThat(stats.percentile(95)).hasValue(24_000);
    }

    @Test
    void zero_policy_counts_missing_samples_as_zero_but_still_reports_them() {
        SeriesStatistics stats = SeriesStatistics.of(inbound(8_000, NA, 16_000, NA),
                StatisticsRequest.of(PercentileMethod.NEAREST_RANK, 50).withMissingPolicy(MissingPolicy.ZERO));

        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.missing()).isEqualTo(2);
        assertThat(stats.coverage()).isEqualTo(0.5);
        assertThat(stats.min()).hasValue(0);
        assertThat(stats.mean()).hasValue(6_000);
        assertThat(stats.percentile(50)).hasValue(0);
    }

    @Test
    void a_series_with_no_sample_has_no_figures_rather_than_zeros() {
        SeriesStatistics stats = SeriesStatistics.of(inbound(NA, NA), StatisticsRequest.BILLING);

        assertThat(stats.count()).isZero();
        assertThat(stats.coverage()).isZero();
        assertThat(stats.min()).isEmpty();
        assertThat(stats.mean()).isEmpty();
        assertThat(stats.total()).isEmpty();
        assertThat(stats.percentile(95)).isEmpty();
    }

    @Test
    void totals_follow_the_quantity() {
        TrafficSeries packets = TestSeries.at(Metric.PACKET_RATE_IN, TestSeries.NEW_YEAR, 10, 20);
        TrafficSeries bytes = TestSeries.at(Metric.VOLUME_IN, TestSeries.NEW_YEAR, 10, 20);

        assertThat(SeriesStatistics.of(packets, StatisticsRequest.BILLING).total()).hasValue(30 * 300);
        assertThat(SeriesStatistics.of(packets, StatisticsRequest.BILLING).totalUnit()).isEqualTo("packets");
        assertThat(SeriesStatistics.of(bytes, StatisticsRequest.BILLING).total()).hasValue(30);
    }

    @Test
    void agrees_with_a_naive_computation_on_random_series() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            double[] values = PercentilesTest.trafficLike(random, 1 + random.nextInt(3000));
            TrafficSeries series = TrafficSeries.of(Metric.BITRATE_OUT, TestSeries.NEW_YEAR, Step.ONE_HOUR, values);

            SeriesStatistics stats = SeriesStatistics.of(series,
                    StatisticsRequest.of(PercentileMethod.LINEAR, 5, 50, 95));

            double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
            assertThat(stats.count()).isEqualTo(present.length);
            assertThat(stats.missing()).isEqualTo(values.length - present.length);
            if (present.length == 0) {
                assertThat(stats.max()).isEmpty();
                continue;
            }
            double sum = Arrays.stream(present).sum();
            assertThat(stats.min()).hasValue(Arrays.stream(present).min().getAsDouble());
            assertThat(stats.max()).hasValue(Arrays.stream(present).max().getAsDouble());
            assertThat(stats.mean().getAsDouble()).isCloseTo(sum / present.length, within(1e-6 * sum / present.length));
            assertThat(stats.total().getAsDouble()).isCloseTo(sum * 3600 / 8, within(1e-9 * sum * 3600));
            assertThat(stats.percentile(50).getAsDouble())
                    .isEqualTo(Percentiles.of(values, PercentileMethod.LINEAR, 50)[0]);
            assertThat(Arrays.equals(series.values(), values)).as("the series is untouched").isTrue();
        }
    }
}
