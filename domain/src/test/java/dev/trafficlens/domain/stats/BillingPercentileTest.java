package dev.trafficlens.domain.stats;

import static dev.trafficlens.domain.TestSeries.inbound;
import static dev.trafficlens.domain.TestSeries.outbound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.TestSeries;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TrafficSeries;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
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
    void a_list_of_series_is_billed_by_its_inbound_and_outbound_bit_rate() {
        TrafficSeries volume = TestSeries.at(Metric.VOLUME_IN, TestSeries.NEW_YEAR, 1e12, 1e12);
        for (BillingRule rule : BillingRule.values()) {
            assertThat(BillingPercentile.p95(List.of(volume, out, in), rule))
                    .isEqualTo(BillingPercentile.p95(in, out, rule));
        }
    }

    @Test
    void a_list_of_series_without_both_bit_rates_has_no_bill() {
        assertThat(BillingPercentile.p95(List.of(in), BillingRule.HIGHER_DIRECTION)).isEmpty();
        assertThat(BillingPercentile.p95(List.of(out), BillingRule.SUM)).isEmpty();
        assertThat(BillingPercentile.p95(List.of(), BillingRule.PER_INTERVAL_MAX)).isEmpty();
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

    @Test
    void every_rule_equals_sorting_what_the_rule_ranks_on_random_links_of_every_shape() {
        Random random = new Random(9_500);
        for (int round = 0; round < 1_220; round++) {
            // Mostly up to a day of 5-minute samples, then up to a month, then a few larger.
            int size = round < 1_200 ? 1 + random.nextInt(round < 1_000 ? 300 : 9_000) : 20_000 + random.nextInt(50_000);
            double[] inbound = PercentilesTest.trafficLike(random, size);
            double[] outbound = PercentilesTest.trafficLike(random, size);
            if (round % 2 == 0) {
                for (int i = 0; i < size; i++) {
                    if (Double.isNaN(inbound[i]) || Double.isNaN(outbound[i])) {
                        inbound[i] = Double.NaN;
                        outbound[i] = Double.NaN;
                    }
                }
            }
            if (round % 5 == 0) {
                // Broken or idle readings: negatives, and zeros of both signs, which Double.compare tells apart.
                for (int i = 0; i < size; i++) {
                    int pick = random.nextInt(8);
                    if (pick == 0) {
                        inbound[i] = -0.0;
                    } else if (pick == 1) {
                        outbound[i] = 0.0;
                    } else if (pick == 2) {
                        outbound[i] = -0.0;
                    } else if (pick == 3) {
                        inbound[i] = -random.nextInt(1_000);
                    }
                }
            }
            TrafficSeries a = inbound(inbound);
            TrafficSeries b = outbound(outbound);
            double percentile = switch (round % 4) {
                case 0 -> 95;
                case 1 -> 90 + random.nextInt(11);
                case 2 -> 89.5 + random.nextInt(1_050) / 100.0;
                default -> random.nextInt(101);
            };
            for (MissingPolicy policy : MissingPolicy.values()) {
                BillingFigures figures = BillingPercentile.all(a, b, percentile, policy);
                for (BillingRule rule : BillingRule.values()) {
                    OptionalDouble expected = bySorting(inbound, outbound, rule, percentile, policy);
                    String what = rule + ", " + policy + ", p" + percentile + ", " + size + " samples";
                    assertThat(figures.by(rule)).as("all: %s", what).isEqualTo(expected);
                    assertThat(BillingPercentile.of(a, b, rule, percentile, policy)).as("of: %s", what)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** The billing rules as docs/billing.md states them: list what the rule ranks, sort it, take the nearest rank. */
    private static OptionalDouble bySorting(
            double[] in, double[] out, BillingRule rule, double percentile, MissingPolicy policy) {
        if (rule == BillingRule.HIGHER_DIRECTION) {
            OptionalDouble inbound = nearestRankBySorting(present(in, policy), percentile);
            OptionalDouble outbound = nearestRankBySorting(present(out, policy), percentile);
            if (inbound.isEmpty() || outbound.isEmpty()) {
                return inbound.isEmpty() ? outbound : inbound;
            }
            return OptionalDouble.of(Math.max(inbound.getAsDouble(), outbound.getAsDouble()));
        }
        double[] combined = new double[in.length];
        int used = 0;
        for (int i = 0; i < in.length; i++) {
            double a = in[i];
            double b = out[i];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                if (policy == MissingPolicy.SKIP) {
                    continue;
                }
                a = Double.isNaN(a) ? 0 : a;
                b = Double.isNaN(b) ? 0 : b;
            }
            combined[used++] = rule == BillingRule.SUM ? a + b : Math.max(a, b);
        }
        return nearestRankBySorting(Arrays.copyOf(combined, used), percentile);
    }

    private static double[] present(double[] values, MissingPolicy policy) {
        return Arrays.stream(values)
                .filter(value -> policy == MissingPolicy.ZERO || !Double.isNaN(value))
                .map(value -> Double.isNaN(value) ? 0 : value)
                .toArray();
    }

    private static OptionalDouble nearestRankBySorting(double[] values, double percentile) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // ceil(p/100 · n) in exact decimal arithmetic, at least 1.
        int rank = new java.math.BigDecimal(Double.toString(percentile)).multiply(java.math.BigDecimal.valueOf(sorted.length))
                .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING).intValueExact();
        return OptionalDouble.of(sorted[Math.max(1, rank) - 1]);
    }
}
