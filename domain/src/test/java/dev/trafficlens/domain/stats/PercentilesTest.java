package dev.trafficlens.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {

    private static final double[] PERCENTILES = {0, 1, 5, 25, 50, 66.7, 75, 90, 95, 97.5, 99, 99.9, 100};

    @ParameterizedTest(name = "{0} samples: p95 is rank {1}")
    @CsvSource({"8064, 7661", "8352, 7935", "8640, 8208", "8928, 8482", "4608, 4378", "1, 1", "20, 19"})
    void nearest_rank_of_p95_matches_the_billing_table(int samples, int rank) {
        assertThat(Percentiles.nearestRank(95, samples)).isEqualTo(rank);
    }

    @Test
    void nearest_rank_is_computed_in_decimal_not_binary() {
        // 0.999 * 1000 is 999.0000000000001 in binary floating point, whose ceiling would be rank 1000.
        assertThat(Percentiles.nearestRank(99.9, 1000)).isEqualTo(999);
        double[] values = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
        assertThat(Percentiles.of(values, PercentileMethod.NEAREST_RANK, 99.9)).containsExactly(999.0);
    }

    @Test
    void nearest_rank_of_zero_and_hundred_are_the_extremes() {
        double[] values = {7, 3, 9, 1, 5};
        assertThat(Percentiles.of(values, PercentileMethod.NEAREST_RANK, 0, 100)).containsExactly(1.0, 9.0);
        assertThat(Percentiles.of(values, PercentileMethod.LINEAR, 0, 100)).containsExactly(1.0, 9.0);
    }

    @Test
    void zenlayer_examples_of_three_and_four_samples_bill_the_maximum() {
        assertThat(Percentiles.of(new double[] {873034, 873034, 635218}, PercentileMethod.NEAREST_RANK, 95))
                .containsExactly(873034.0);
        assertThat(Percentiles.of(new double[] {1, 4, 2, 3}, PercentileMethod.NEAREST_RANK, 95)).containsExactly(4.0);
    }

    @Test
    void both_methods_equal_a_sort_based_reference_on_random_arrays() {
        Random random = new Random(20261125);
        int[] sizes = IntStream.concat(IntStream.rangeClosed(1, 60),
                IntStream.of(287, 288, 1000, 4096, 8640, 8928, 33_333, 100_000)).toArray();
        for (int size : sizes) {
            for (int round = 0; round < 3; round++) {
                double[] values = trafficLike(random, size);
                double[] original = values.clone();
                double[] sortedPresent = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();

                double[] nearest = Percentiles.of(values, PercentileMethod.NEAREST_RANK, PERCENTILES);
                double[] linear = Percentiles.of(values, PercentileMethod.LINEAR, PERCENTILES);

                assertThat(values).as("the caller's array is left alone").isEqualTo(original);
                for (int i = 0; i < PERCENTILES.length; i++) {
                    double p = PERCENTILES[i];
                    if (sortedPresent.length == 0) {
                        assertThat(nearest[i]).isNaN();
                        assertThat(linear[i]).isNaN();
                        continue;
                    }
                    assertThat(nearest[i]).as("nearest rank p%s of %s samples", p, size)
                            .isEqualTo(referenceNearestRank(sortedPresent, p));
                    assertThat(linear[i]).as("linear p%s of %s samples", p, size)
                            .isCloseTo(referenceLinear(sortedPresent, p), within(1e-9 * Math.max(1, sortedPresent[sortedPresent.length - 1])));
                }
            }
        }
    }

    @Test
    void a_single_rank_near_either_end_equals_the_sorted_value() {
        Random random = new Random(7_2026);
        for (int round = 0; round < 400; round++) {
            int count = 1 + random.nextInt(round < 200 ? 200 : 3000);
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                // Repeated readings, as vendors send them, and both signs of zero.
                values[i] = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt(count) * 1.5;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            IntStream ranks = IntStream.concat(IntStream.rangeClosed(1, Math.min(count, 30)),
                    IntStream.rangeClosed(Math.max(1, count - 30), count));
            ranks.distinct().forEach(rank -> {
                double[] scratch = values.clone();

                double[] picked = Percentiles.selectRanks(scratch, count, rank);

                assertThat(picked).as("rank %s of %s", rank, count).hasSize(1);
                assertThat(Double.compare(picked[0], sorted[rank - 1])).as("rank %s of %s", rank, count).isZero();
            });
        }
    }

    @Test
    void linear_equals_commons_math_r7() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(round < 150 ? 500 : 100_000);
            double[] values = trafficLike(random, size);
            double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
            if (present.length == 0) {
                continue;
            }
            Percentile commonsMath = new Percentile().withEstimationType(EstimationType.R_7);
            commonsMath.setData(present);
            double[] ours = Percentiles.of(values, PercentileMethod.LINEAR, 1, 50, 95, 99);
            double[] asked = {1, 50, 95, 99};
            for (int i = 0; i < asked.length; i++) {
                double expected = commonsMath.evaluate(asked[i]);
                // Both interpolate in binary floating point, in a different order: agree to 12 significant digits.
                assertThat(ours[i]).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    @Test
    void refuses_percentiles_outside_zero_to_hundred() {
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}, PercentileMethod.LINEAR, 101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() -> Percentiles.of(new double[] {1}, PercentileMethod.LINEAR, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Bit rates between 1 Mbit/s and 10 Gbit/s, many repeated, 2 % missing; sometimes all missing. */
    static double[] trafficLike(Random random, int size) {
        double[] values = new double[size];
        boolean allMissing = size < 5 && random.nextInt(10) == 0;
        for (int i = 0; i < size; i++) {
            if (allMissing || random.nextDouble() < 0.02) {
                values[i] = Double.NaN;
            } else if (i > 0 && random.nextInt(4) == 0 && !Double.isNaN(values[i - 1])) {
                values[i] = values[i - 1];
            } else {
                values[i] = Math.floor(1e6 + random.nextDouble() * 1e10);
            }
        }
        return values;
    }

    private static double referenceNearestRank(double[] sorted, double p) {
        int rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.length))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double referenceLinear(double[] sorted, double p) {
        double h = (sorted.length - 1) * p / 100.0;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    @Test
    void values_at_ranks_are_those_of_the_sorted_present_values_and_leave_the_input_alone() {
        Random random = new Random(433);
        for (int trial = 0; trial < 300; trial++) {
            double[] values = new double[1 + random.nextInt(400)];
            Arrays.setAll(values, i -> random.nextInt(8) == 0 ? Double.NaN : random.nextInt(100));
            double[] before = values.clone();
            double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
            if (sorted.length == 0) {
                continue;
            }
            int low = 1 + random.nextInt(sorted.length);
            int high = 1 + random.nextInt(sorted.length);

            assertThat(Percentiles.atRanks(values, low, high)).containsExactly(sorted[low - 1], sorted[high - 1]);
            assertThat(values).isEqualTo(before);
        }
        assertThatThrownBy(() -> Percentiles.atRanks(new double[] {1, Double.NaN}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 1");
    }
}
