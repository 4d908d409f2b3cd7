package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficSeriesTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");
    private static final TimeWindow HOUR = new TimeWindow(MIDNIGHT, MIDNIGHT.plusSeconds(3600));

    @Test
    void no_caller_can_change_a_series() {
        double[] values = {1, 2, 3};
        TrafficSeries series = TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, Step.FIVE_MINUTES, values);

        values[0] = 99;
        series.values()[1] = 99;

        assertThat(series.values()).containsExactly(1, 2, 3);
    }

    @Test
    void knows_the_time_and_unit_of_each_sample() {
        TrafficSeries series = TrafficSeries.of(Metric.PACKET_RATE_OUT, MIDNIGHT, Step.FIVE_MINUTES, 1, Double.NaN);

        assertThat(series.unit()).isEqualTo("pps");
        assertThat(series.timeAt(1)).isEqualTo(MIDNIGHT.plusSeconds(300));
        assertThat(series.end()).isEqualTo(MIDNIGHT.plusSeconds(600));
        assertThat(series.indexOf(MIDNIGHT.plusSeconds(300))).isEqualTo(1);
        assertThat(series.indexOf(MIDNIGHT.plusSeconds(301))).isEqualTo(-1);
        assertThat(series.indexOf(MIDNIGHT.plusSeconds(600))).isEqualTo(-1);
        assertThat(series.isPresent(1)).isFalse();
        assertThat(series.presentCount()).isEqualTo(1);
        assertThat(series.toString()).contains("1/2 present", "pps");
    }

    @Test
    void the_builder_labels_a_sample_by_the_interval_it_falls_in_and_ignores_samples_off_the_window() {
        TrafficSeries.Builder builder = TrafficSeries.builder(Metric.BITRATE_IN, HOUR, Step.FIVE_MINUTES);

        assertThat(builder.put(MIDNIGHT.plusSeconds(500), 7)).isTrue();
        assertThat(builder.put(MIDNIGHT.plusSeconds(3600), 8)).isFalse();
        assertThat(builder.put(MIDNIGHT.minusSeconds(1), 9)).isFalse();
        builder.put(MIDNIGHT.plusSeconds(310), 3);
        TrafficSeries series = builder.build();

        assertThat(series.size()).isEqualTo(12);
        assertThat(series.valueAt(1)).as("the larger of two samples in one slot").isEqualTo(7);
        assertThat(series.presentCount()).isEqualTo(1);
        assertThatThrownBy(() -> builder.set(0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_series_starts_on_its_step_grid() {
        assertThatThrownBy(() -> TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT.plusSeconds(60), Step.FIVE_MINUTES, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5m UTC grid");
    }

    @Test
    void equal_content_is_an_equal_series_gaps_included() {
        assertThat(TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, Step.ONE_HOUR, 1, Double.NaN))
                .isEqualTo(TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, Step.ONE_HOUR, 1, Double.NaN))
                .hasSameHashCodeAs(TrafficSeries.of(Metric.BITRATE_IN, MIDNIGHT, Step.ONE_HOUR, 1, Double.NaN))
                .isNotEqualTo(TrafficSeries.of(Metric.BITRATE_OUT, MIDNIGHT, Step.ONE_HOUR, 1, Double.NaN));
    }
}
