package dev.trafficlens.domain.stats;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TrafficSeries;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The billable percentile of one link from its inbound and outbound series, by nearest rank. Under
 * {@link MissingPolicy#SKIP} an interval missing in either direction is left out of the combined rules (its max or
 * sum is unknown); under {@link MissingPolicy#ZERO} the missing direction counts as 0.
 */
public final class BillingPercentile {

    private BillingPercentile() {
    }

    /** p95 under {@code rule}, missing samples skipped: the usual bill. */
    public static OptionalDouble p95(TrafficSeries in, TrafficSeries out, BillingRule rule) {
        return of(in, out, rule, 95, MissingPolicy.SKIP);
    }

    /**
     * p95 under {@code rule} of the inbound and outbound bit rate among {@code series}, missing samples skipped; empty
     * when either is not among them or no interval had a sample. How a result or a sum of results is billed.
     */
    public static OptionalDouble p95(List<TrafficSeries> series, BillingRule rule) {
        Optional<TrafficSeries> in = find(series, Metric.BITRATE_IN);
        Optional<TrafficSeries> out = find(series, Metric.BITRATE_OUT);
        return in.isPresent() && out.isPresent() ? p95(in.get(), out.get(), rule) : OptionalDouble.empty();
    }

    private static Optional<TrafficSeries> find(List<TrafficSeries> series, Metric metric) {
        return series.stream().filter(each -> each.metric().equals(metric)).findFirst();
    }

    public static OptionalDouble of(
            TrafficSeries in, TrafficSeries out, BillingRule rule, double percentile, MissingPolicy policy) {
        checkPair(in, out);
        Percentiles.checkPercentiles(percentile);
        double[] scratch = new double[in.size()];
        return switch (rule) {
            case HIGHER_DIRECTION -> higher(
                    select(scratch, fillDirection(scratch, in, policy), percentile),
                    select(scratch, fillDirection(scratch, out, policy), percentile));
            case PER_INTERVAL_MAX -> selectCombined(scratch, in, out, policy, false, percentile);
            case SUM -> selectCombined(scratch, in, out, policy, true, percentile);
        };
    }

    /**
     * All three rules at once. The per-interval maximum is never below either direction's percentile, and the sum
     * never below the maximum, once both directions are ranked over the same intervals with no negative value; then
     * only the intervals at or above the lower bound can hold the answer, and the last two selections run on those
     * few. Where that does not hold (a sample missing in one direction only, a negative value) every rule selects
     * over all intervals, as {@link #of} does.
     */
    public static BillingFigures all(TrafficSeries in, TrafficSeries out, double percentile, MissingPolicy policy) {
        checkPair(in, out);
        Percentiles.checkPercentiles(percentile);
        double[] scratch = new double[in.size()];
        OptionalDouble inbound = select(scratch, fillDirection(scratch, in, policy), percentile);
        OptionalDouble outbound = select(scratch, fillDirection(scratch, out, policy), percentile);
        OptionalDouble higherDirection = higher(inbound, outbound);
        if (higherDirection.isEmpty() || !sameIntervalsNonNegative(in, out, policy)) {
            return new BillingFigures(higherDirection,
                    selectCombined(scratch, in, out, policy, false, percentile),
                    selectCombined(scratch, in, out, policy, true, percentile));
        }
        int intervals = policy == MissingPolicy.ZERO ? in.size() : in.presentCount();
        int rank = Percentiles.nearestRank(percentile, intervals);
        double perIntervalMax = selectAtOrAbove(scratch, in, out, policy, false, higherDirection.getAsDouble(), rank,
                intervals);
        double sum = selectAtOrAbove(scratch, in, out, policy, true, perIntervalMax, rank, intervals);
        return new BillingFigures(higherDirection, OptionalDouble.of(perIntervalMax), OptionalDouble.of(sum));
    }

    private static OptionalDouble selectCombined(
            double[] scratch, TrafficSeries in, TrafficSeries out, MissingPolicy policy, boolean add, double percentile) {
        return select(scratch, fillCombined(scratch, in, out, policy, add, Double.NEGATIVE_INFINITY), percentile);
    }

    /**
     * The value of ascending {@code rank} among the {@code intervals} combined values, given that it is at least
     * {@code floor}: every value below the floor ranks before it, so it is the {@code rank − below}-th of the rest.
     */
    private static double selectAtOrAbove(double[] scratch, TrafficSeries in, TrafficSeries out, MissingPolicy policy,
            boolean add, double floor, int rank, int intervals) {
        int kept = fillCombined(scratch, in, out, policy, add, floor);
        int rankAmongKept = rank - (intervals - kept);
        if (rankAmongKept < 1 || rankAmongKept > kept) {
            throw new IllegalStateException("the lower bound " + floor + " is above the answer: a bug in its proof");
        }
        return Percentiles.selectRanks(scratch, kept, rankAmongKept)[0];
    }

    /** Whether both directions have samples in exactly the same intervals (or gaps count as 0) and none is negative. */
    private static boolean sameIntervalsNonNegative(TrafficSeries in, TrafficSeries out, MissingPolicy policy) {
        boolean zeroFill = policy == MissingPolicy.ZERO;
        for (int i = 0, size = in.size(); i < size; i++) {
            double inbound = in.valueAt(i);
            double outbound = out.valueAt(i);
            boolean inMissing = inbound != inbound;
            boolean outMissing = outbound != outbound;
            if ((inMissing != outMissing && !zeroFill) || inbound < 0 || outbound < 0) {
                return false;
            }
        }
        return true;
    }

    private static int fillDirection(double[] scratch, TrafficSeries series, MissingPolicy policy) {
        int used = 0;
        boolean zeroFill = policy == MissingPolicy.ZERO;
        for (int i = 0, size = series.size(); i < size; i++) {
            double value = series.valueAt(i);
            if (value == value) {
                scratch[used++] = value;
            } else if (zeroFill) {
                scratch[used++] = 0;
            }
        }
        return used;
    }

    /** Fills {@code scratch} with the per-interval max or sum of the intervals that count, keeping those at or above {@code floor}. */
    private static int fillCombined(
            double[] scratch, TrafficSeries in, TrafficSeries out, MissingPolicy policy, boolean add, double floor) {
        int used = 0;
        boolean zeroFill = policy == MissingPolicy.ZERO;
        for (int i = 0, size = in.size(); i < size; i++) {
            double inbound = in.valueAt(i);
            double outbound = out.valueAt(i);
            if (inbound != inbound || outbound != outbound) {
                if (!zeroFill) {
                    continue;
                }
                inbound = inbound == inbound ? inbound : 0;
                outbound = outbound == outbound ? outbound : 0;
            }
            double combined = add ? inbound + outbound : Math.max(inbound, outbound);
            if (combined >= floor) {
                scratch[used++] = combined;
            }
        }
        return used;
    }

    private static OptionalDouble select(double[] scratch, int used, double percentile) {
        if (used == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Percentiles.ofPrefix(scratch, used, PercentileMethod.NEAREST_RANK, percentile)[0]);
    }

    private static OptionalDouble higher(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return OptionalDouble.of(Math.max(a.getAsDouble(), b.getAsDouble()));
    }

    private static void checkPair(TrafficSeries in, TrafficSeries out) {
        if (!in.start().equals(out.start()) || !in.step().equals(out.step()) || in.size() != out.size()) {
            throw new IllegalArgumentException("in and out must cover the same window at the same step, got "
                    + in + " and " + out);
        }
        if (in.metric().quantity() != out.metric().quantity()) {
            throw new IllegalArgumentException("in and out must measure the same quantity, got "
                    + in.metric() + " and " + out.metric());
        }
    }
}
