package dev.trafficlens.domain.stats;

import static dev.trafficlens.domain.TestSeries.inbound;
import static dev.trafficlens.domain.TestSeries.outbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.TrafficSeries;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BillingPercentileTest {

    private static final double NA = Double.NaN;

    // Twenty intervals, p95 = rank 19: the single highest sample of each combination is discarded.
    private final TrafficSeries in = inbound(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 90, 99);
    private final TrafficSeries out = outbound(80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 5, 5);

    @Test
    void higher_direction_takes_the_larger_of_the_two_percentiles() {
        assertThat(BillingPercentile.p95(in, out, BillingRule.HIGHER_DIRECTION)).hasValue(90);
    }

    @Test
    void per_interval_max_ranks_the_larger_direction_of_each_interval() {
        assertThat(BillingPercentile.p95(in, out, BillingRule.PER_INTERVAL_MAX)).hasValue(90);
        TrafficSeries burstyIn = inbound(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 100, 100, 100);
        TrafficSeries burstyOut = outbound(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 100, 100, 10, 10, 10);
        // Each direction alone bills 100 only at rank 19 of its own sorted samples; together more intervals burst.
        assertThat(BillingPercentile.p95(burstyIn, burstyOut, BillingRule.HIGHER_DIRECTION)).hasValue(100);
        assertThat(BillingPercentile.p95(burstyIn, burstyOut, BillingRule.PER_INTERVAL_MAX)).hasValue(100);
    }

    @Test
    void sum_ranks_in_plus_out_per_interval() {
        assertThat(BillingPercentile.p95(in, out, BillingRule.SUM)).hasValue(95);
    }

    @Test
    void all_rules_at_once_equal_each_rule_alone() {
        BillingFigures figures = BillingPercentile.all(in, out, 95, MissingPolicy.SKIP);
        for (BillingRule rule : BillingRule.values()) {
            assertThat(figures.by(rule)).isEqualTo(BillingPercentile.p95(in, out, rule));
        }
    }

    @Test
    void all_rules_at_once_equal_each_rule_alone_on_random_links_with_and_without_one_sided_gaps() {
        Random random = new Random(2026);
        for (int round = 0; round < 600; round++) {
            int size = 1 + random.nextInt(round < 500 ? 300 : 20_000);
            double[] inbound = PercentilesTest.trafficLike(random, size);
            double[] outbound = PercentilesTest.trafficLike(random, size);
            if (round % 2 == 0) {
                // The usual vendor gap: both directions missing together.
                for (int i = 0; i < size; i++) {
                    if (Double.isNaN(inbound[i]) || Double.isNaN(outbound[i])) {
                        inbound[i] = Double.NaN;
                        outbound[i] = Double.NaN;
                    }
                }
            }
            if (round % 7 == 0) {
                outbound[random.nextInt(size)] = -1; // a broken vendor value: the shortcut must not apply
            }
            TrafficSeries a = inbound(inbound);
            TrafficSeries b = outbound(outbound);
            double percentile = round % 3 == 0 ? 95 : random.nextInt(101);
            for (MissingPolicy policy : MissingPolicy.values()) {
                BillingFigures figures = BillingPercentile.all(a, b, percentile, policy);
                for (BillingRule rule : BillingRule.values()) {
                    assertThat(figures.by(rule)).as("%s, %s, p%s, %s samples", rule, policy, percentile, size)
                            .isEqualTo(BillingPercentile.of(a, b, rule, percentile, policy));
                }
            }
        }
    }

    @Test
    void an_interval_missing_in_one_direction_is_skipped_by_combined_rules_or_zeroed() {
        TrafficSeries gappyIn = inbound(5, NA, 7);
        TrafficSeries fullOut = outbound(1, 50, 2);

        assertThat(BillingPercentile.of(gappyIn, fullOut, BillingRule.SUM, 100, MissingPolicy.SKIP)).hasValue(9);
        assertThat(BillingPercentile.of(gappyIn, fullOut, BillingRule.SUM, 100, MissingPolicy.ZERO)).hasValue(50);
        assertThat(BillingPercentile.of(gappyIn, fullOut, BillingRule.HIGHER_DIRECTION, 100, MissingPolicy.SKIP))
                .hasValue(50);
    }

    @Test
    void no_interval_with_a_sample_means_no_bill() {
        assertThat(BillingPercentile.p95(inbound(NA, NA), outbound(NA, NA), BillingRule.SUM)).isEmpty();
        assertThat(BillingPercentile.p95(inbound(NA, NA), outbound(NA, NA), BillingRule.HIGHER_DIRECTION)).isEmpty();
    }

    @Test
    void per_interval_max_is_never_below_higher_direction_and_sum_never_below_per_interval_max() {
        Random random = new Random(95);
        for (int round = 0; round < 500; round++) {
            int size = 1 + random.nextInt(2000);
            TrafficSeries a = inbound(PercentilesTest.trafficLike(random, size));
            TrafficSeries b = outbound(PercentilesTest.trafficLike(random, size));
            BillingFigures figures = BillingPercentile.all(a, b, 95, MissingPolicy.ZERO);
            assertThat(figures.perIntervalMax().getAsDouble())
                    .isGreaterThanOrEqualTo(figures.higherDirection().getAsDouble());
            assertThat(figures.sum().getAsDouble()).isGreaterThanOrEqualTo(figures.perIntervalMax().getAsDouble());
        }
    }

    @Test
    void refuses_series_of_different_windows() {
        assertThatThrownBy(() -> BillingPercentile.p95(inbound(1, 2), outbound(1, 2, 3), BillingRule.SUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same window");
    }
}
