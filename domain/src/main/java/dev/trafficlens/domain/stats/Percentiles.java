package dev.trafficlens.domain.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apache.commons.statistics.descriptive.NaNPolicy;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Exact percentiles of plain arrays, several from one selection pass and never by sorting everything. Selection is
 * Apache Commons Statistics' {@link Quantile}; this class fixes which of its estimators our method names mean.
 */
public final class Percentiles {

    private static final Quantile NEAREST_RANK = Quantile.withDefaults()
            .withCopy(false).with(NaNPolicy.INCLUDE).with(Quantile.EstimationMethod.HF1);
    private static final Quantile LINEAR = Quantile.withDefaults()
            .withCopy(false).with(NaNPolicy.INCLUDE).with(Quantile.EstimationMethod.HF7);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** How near an end Commons Numbers' {@code QuickSelect} selects a single rank by a sorting scan (its 24). */
    private static final int SORT_SELECT_REACH = 24;

    private Percentiles() {
    }

    /**
     * Percentiles {@code percentiles} (each 0 to 100) of the present values in {@code values}; NaN marks a missing
     * sample and is skipped. The array is not changed. Each answer is NaN when there is no present value.
     */
    public static double[] of(double[] values, PercentileMethod method, double... percentiles) {
        checkPercentiles(percentiles);
        double[] scratch = values.clone();
        int present = 0;
        for (double value : scratch) {
            if (!Double.isNaN(value)) {
                scratch[present++] = value;
            }
        }
        return ofPrefix(scratch, present, method, percentiles);
    }

    /**
     * The values of the 1-based ascending {@code ranks} among the present values of {@code values} (NaN is a missing
     * sample and is skipped), from one selection pass; the array is not changed. For callers that rank by position
     * rather than by percentile, such as the k-th largest sample of a bill's bounds.
     *
     * @throws IllegalArgumentException when a rank is outside 1 to the number of present values
     */
    public static double[] atRanks(double[] values, int... ranks) {
        double[] scratch = values.clone();
        int present = 0;
        for (double value : scratch) {
            if (!Double.isNaN(value)) {
                scratch[present++] = value;
            }
        }
        for (int rank : ranks) {
            if (rank < 1 || rank > present) {
                throw new IllegalArgumentException("ranks: expected ranks from 1 to " + present + ", got " + rank);
            }
        }
        return selectRanks(scratch, present, ranks);
    }

    /**
     * The 1-based ascending rank the nearest-rank method picks among {@code n} samples: {@code ceil(p/100·n)}, at
     * least 1. Computed in decimal, so 99.9 of 1,000 samples is rank 999 exactly, not 1,000 as {@code 0.999 * 1000}
     * in binary floating point would round.
     */
    public static int nearestRank(double percentile, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least one sample, got " + n);
        }
        checkPercentiles(percentile);
        if (percentile == Math.rint(percentile)) {
            // Whole percentiles, the usual case, are exact in integer arithmetic: ceil(p·n/100).
            return (int) Math.max(1, ((long) percentile * n + 99) / 100);
        }
        int rank = BigDecimal.valueOf(percentile).multiply(BigDecimal.valueOf(n))
                .divide(HUNDRED, 0, RoundingMode.CEILING).intValueExact();
        return Math.max(1, rank);
    }

    /**
     * Percentiles of {@code scratch[0, count)}, which must hold no NaN and which this reorders. Package-private: the
     * statistics of this package fill a scratch array in their own pass and hand it here.
     */
    static double[] ofPrefix(double[] scratch, int count, PercentileMethod method, double... percentiles) {
        double[] answers = new double[percentiles.length];
        if (count == 0) {
            Arrays.fill(answers, Double.NaN);
            return answers;
        }
        if (method == PercentileMethod.NEAREST_RANK) {
            int[] ranks = new int[percentiles.length];
            for (int i = 0; i < percentiles.length; i++) {
                ranks[i] = nearestRank(percentiles[i], count);
            }
            return selectRanks(scratch, count, ranks);
        }
        double[] probabilities = new double[percentiles.length];
        for (int i = 0; i < percentiles.length; i++) {
            probabilities[i] = percentiles[i] / 100.0;
        }
        return LINEAR.evaluateRange(scratch, 0, count, probabilities);
    }

    /**
     * The values of the given 1-based ascending {@code ranks} among {@code scratch[0, count)}, which must hold no NaN
     * and which this reorders; one selection pass for all ranks. HF1 picks rank {@code ceil(n·q)}; asking it for
     * q = (rank − ½)/n lands half a rank away from any integer, so binary rounding of q cannot move it off the rank.
     */
    static double[] selectRanks(double[] scratch, int count, int... ranks) {
        if (ranks.length == 1 && count > SORT_SELECT_REACH * 3
                && (ranks[0] <= SORT_SELECT_REACH || count - ranks[0] < SORT_SELECT_REACH)) {
            // Commons picks one rank this close to an end by a scan that keeps the nearest values sorted, about
            // n × distance steps: p95 of a day (288 samples, 15 from the end) cost 3-4 times a partitioning select.
            // Asking for the median as well sends it down the partitioning path; the extra answer is dropped.
            double[] withMedian = NEAREST_RANK.evaluateRange(scratch, 0, count,
                    (ranks[0] - 0.5) / count, ((count + 1) / 2 - 0.5) / count);
            return new double[] {withMedian[0]};
        }
        double[] probabilities = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            probabilities[i] = (ranks[i] - 0.5) / count;
        }
        return NEAREST_RANK.evaluateRange(scratch, 0, count, probabilities);
    }

    static void checkPercentiles(double... percentiles) {
        if (percentiles.length == 0) {
            throw new IllegalArgumentException("percentiles: expected at least one percentile");
        }
        for (double p : percentiles) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("percentiles: expected values from 0 to 100, got " + p);
            }
        }
    }
}
