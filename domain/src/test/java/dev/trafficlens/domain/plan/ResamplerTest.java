package dev.trafficlens.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final double NA = Double.NaN;
    private static final Instant MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");

    private final TrafficSeries fiveMinutes =
            TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, Step.FIVE_MINUTES, 1, 2, 6, NA, NA, NA, 4, NA, 8);

    @Test
    void averages_rates_over_the_present_samples() {
        TrafficSeries quarterly = Resampler.resample(fiveMinutes, Step.FIFTEEN_MINUTES, ResampleMode.AVG);

        assertThat(quarterly.step()).isEqualTo(Step.FIFTEEN_MINUTES);
        assertThat(quarterly.values()).containsExactly(3, NA, 6);
    }

    @Test
    void takes_the_maximum_or_the_sum_when_asked() {
        assertThat(Resampler.resample(fiveMinutes, Step.FIFTEEN_MINUTES, ResampleMode.MAX).values())
                .containsExactly(6, NA, 8);
        assertThat(Resampler.resample(fiveMinutes, Step.FIFTEEN_MINUTES, ResampleMode.SUM).values())
                .containsExactly(9, NA, 12);
    }

    @Test
    void the_default_is_avg_for_rates_and_sum_for_volumes() {
        assertThat(ResampleMode.defaultFor(Metric.BITRATE_IN.quantity())).isEqualTo(ResampleMode.AVG);
        assertThat(ResampleMode.defaultFor(Metric.VOLUME_TOTAL.quantity())).isEqualTo(ResampleMode.SUM);
    }

    @Test
    void sum_preserves_the_total_volume_and_avg_the_mean_rate_of_complete_series() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            int hours = 1 + random.nextInt(48);
            double[] values = new double[hours * 12];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(1_000_000);
            }
            TrafficSeries series = TrafficSeries.of(Metric.VOLUME_OUT, MIDNIGHT, Step.FIVE_MINUTES, values);
            TrafficSeries hourly = Resampler.resample(series, Step.ONE_HOUR, ResampleMode.SUM);
            assertThat(hourly.size()).isEqualTo(hours);
            assertThat(sum(hourly.values())).isEqualTo(sum(values));
            TrafficSeries averaged = Resampler.resample(series, Step.ONE_HOUR, ResampleMode.AVG);
            assertThat(sum(averaged.values()) * 12).isCloseTo(sum(values), org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void refuses_a_step_that_is_not_a_multiple() {
        TrafficSeries hourly = TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, Step.ONE_HOUR, 1, 2);
        assertThatThrownBy(() -> Resampler.resample(hourly, Step.ofMinutes(90), ResampleMode.AVG))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
