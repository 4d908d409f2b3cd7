package dev.trafficlens.domain.stats;

import dev.trafficlens.domain.model.TrafficSeries;
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

    public static OptionalDouble of(
            TrafficSeries in, TrafficSeries out, BillingRule rule, double percentile, MissingPolicy policy) {
        checkPair(in, out);
        Percentiles.checkPercentiles(percentile);
        double[] scratch = new double[in.size()];
        return switch (rule) {
            case HIGHER_DIRECTION -> higher(
                    select(scratch, fillDirection(scratch, in, policy), percentile),
                    select(scratch, fillDirection(scratch, out, policy), percentile));
            case PER_INTERVAL_MAX -> select(scratch, fillCombined(scratch, in, out, policy, false), percentile);
            case SUM -> select(scratch, fillCombined(scratch, in, out, policy, true), percentile);
        };
    }

    /** All three rules at once, sharing one scratch array. */
    public static BillingFigures all(TrafficSeries in, TrafficSeries out, double percentile, MissingPolicy policy) {
        checkPair(in, out);
        Percentiles.checkPercentiles(percentile);
        double[] scratch = new double[in.size()];
        OptionalDouble inbound = select(scratch, fillDirection(scratch, in, policy), percentile);
        OptionalDouble outbound = select(scratch, fillDirection(scratch, out, policy), percentile);
        OptionalDouble perIntervalMax = select(scratch, fillCombined(scratch, in, out, policy, false), percentile);
        OptionalDouble sum = select(scratch, fillCombined(scratch, in, out, policy, true), percentile);
        return new BillingFigures(higher(inbound, outbound), perIntervalMax, sum);
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

    private static int fillCombined(
            double[] scratch, TrafficSeries in, TrafficSeries out, MissingPolicy policy, boolean add) {
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
            scratch[used++] = add ? inbound + outbound : Math.max(inbound, outbound);
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
