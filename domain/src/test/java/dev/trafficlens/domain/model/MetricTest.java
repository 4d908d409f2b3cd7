package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void an_empty_filter_matches_every_metric() {
        assertThat(Metric.VOLUME_TOTAL.matches(Optional.empty(), Optional.empty())).isTrue();
    }

    @Test
    void a_filter_matches_only_the_named_direction_and_quantity() {
        assertThat(Metric.BITRATE_IN.matches(Optional.of(Direction.IN), Optional.empty())).isTrue();
        assertThat(Metric.BITRATE_IN.matches(Optional.of(Direction.OUT), Optional.empty())).isFalse();
        assertThat(Metric.BITRATE_IN.matches(Optional.empty(), Optional.of(Quantity.BITRATE))).isTrue();
        assertThat(Metric.BITRATE_IN.matches(Optional.empty(), Optional.of(Quantity.VOLUME))).isFalse();
        assertThat(Metric.BITRATE_IN.matches(Optional.of(Direction.IN), Optional.of(Quantity.VOLUME))).isFalse();
        assertThat(Metric.VOLUME_IN.matches(Optional.of(Direction.IN), Optional.of(Quantity.VOLUME))).isTrue();
    }
}
