package dev.trafficlens.domain.stats;

import static dev.trafficlens.domain.TestSeries.NEW_YEAR;
import static dev.trafficlens.domain.TestSeries.inbound;
import static dev.trafficlens.domain.TestSeries.outbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.TestSeries;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TrafficSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCombinationTest {

    private static final double NA = Double.NaN;

    @Test
    void sums_links_per_interval_before_ranking() {
        TrafficSeries linkA = inbound(10, 0, 10, 0);
        TrafficSeries linkB = inbound(0, 10, 0, 10);

        TrafficSeries sum = SeriesCombination.sum(List.of(linkA, linkB), MissingPolicy.SKIP);

        assertThat(sum.values()).containsExactly(10, 10, 10, 10);
        assertThat(sum.metric()).isEqualTo(Metric.BITRATE_IN);
        // Aggregated billing: p95 of the sum (10) is below the sum of each link's p95 (20).
        assertThat(SeriesStatistics.of(sum, StatisticsRequest.BILLING).percentile(95)).hasValue(10);
    }

    @Test
    void mixing_directions_gives_a_total() {
        assertThat(SeriesCombination.sum(List.of(inbound(1), outbound(2)), MissingPolicy.SKIP).metric())
                .isEqualTo(Metric.of(Direction.TOTAL, Metric.BITRATE_IN.quantity()));
    }

    @Test
    void under_skip_a_gap_in_any_input_is_a_gap_in_the_sum() {
        TrafficSeries sum = SeriesCombination.sum(List.of(inbound(1, NA, 3), inbound(1, 2, 3)), MissingPolicy.SKIP);
        assertThat(sum.values()).containsExactly(2, NA, 6);

        TrafficSeries zeroed = SeriesCombination.sum(List.of(inbound(1, NA, 3), inbound(1, 2, 3)), MissingPolicy.ZERO);
        assertThat(zeroed.values()).containsExactly(2, 2, 6);
    }

    @Test
    void covers_the_union_of_windows_with_the_uncovered_part_missing() {
        TrafficSeries early = TestSeries.at(Metric.BITRATE_IN, NEW_YEAR, 1, 1);
        TrafficSeries late = TestSeries.at(Metric.BITRATE_IN, NEW_YEAR.plusSeconds(300), 2, 2);

        TrafficSeries sum = SeriesCombination.sum(List.of(early, late), MissingPolicy.SKIP);
        assertThat(sum.start()).isEqualTo(NEW_YEAR);
        assertThat(sum.values()).containsExactly(NA, 3, NA);

        TrafficSeries max = SeriesCombination.max(List.of(early, late), MissingPolicy.ZERO);
        assertThat(max.values()).containsExactly(1, 2, 2);
    }

    @Test
    void refuses_different_steps_or_quantities() {
        TrafficSeries hourly = TrafficSeries.of(Metric.BITRATE_IN, NEW_YEAR, Step.ONE_HOUR, 1);
        assertThatThrownBy(() -> SeriesCombination.sum(List.of(inbound(1), hourly), MissingPolicy.SKIP))
                .isInstanceOf(IllegalArgumentException.class);
        TrafficSeries volume = TestSeries.at(Metric.VOLUME_IN, NEW_YEAR, 1);
        assertThatThrownBy(() -> SeriesCombination.sum(List.of(inbound(1), volume), MissingPolicy.SKIP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
