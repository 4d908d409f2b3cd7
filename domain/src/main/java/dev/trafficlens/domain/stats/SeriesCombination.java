package dev.trafficlens.domain.stats;

import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Series combined interval by interval, for aggregated billing across links (sum first, then rank) and for the
 * per-interval rules. Under {@link MissingPolicy#SKIP} an interval is missing when any input lacks it there, inputs
 * that do not reach it included; under {@link MissingPolicy#ZERO} a missing input counts as 0.
 */
public final class SeriesCombination {

    private SeriesCombination() {
    }

    /**
     * The per-interval sum of {@code series} over the union of their windows. All must share a step and a quantity;
     * the direction is theirs when they agree, else {@link Direction#TOTAL}.
     */
    public static TrafficSeries sum(List<TrafficSeries> series, MissingPolicy policy) {
        return combine(series, policy, true);
    }

    /** The per-interval maximum, with the same rules as {@link #sum}. */
    public static TrafficSeries max(List<TrafficSeries> series, MissingPolicy policy) {
        return combine(series, policy, false);
    }

    private static TrafficSeries combine(List<TrafficSeries> series, MissingPolicy policy, boolean add) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series: expected at least one series to combine");
        }
        TrafficSeries first = series.get(0);
        Step step = first.step();
        Quantity quantity = first.metric().quantity();
        Direction direction = first.metric().direction();
        Instant from = first.start();
        Instant to = first.end();
        for (TrafficSeries each : series) {
            if (!each.step().equals(step) || each.metric().quantity() != quantity) {
                throw new IllegalArgumentException("series: expected one step and quantity (" + step + ", "
                        + quantity + "), got " + each);
            }
            if (each.metric().direction() != direction) {
                direction = Direction.TOTAL;
            }
            from = each.start().isBefore(from) ? each.start() : from;
            to = each.end().isAfter(to) ? each.end() : to;
        }
        TimeWindow union = new TimeWindow(from, to);
        int size = union.sampleCount(step);
        double[] combined = new double[size];
        boolean[] gap = new boolean[size];
        boolean zeroFill = policy == MissingPolicy.ZERO;
        if (!add) {
            Arrays.fill(combined, Double.NEGATIVE_INFINITY);
        }
        for (TrafficSeries each : series) {
            int offset = (int) ((each.start().getEpochSecond() - from.getEpochSecond()) / step.seconds());
            markUncovered(gap, offset, each.size(), zeroFill);
            for (int i = 0, n = each.size(); i < n; i++) {
                double value = each.valueAt(i);
                if (value != value) {
                    if (!zeroFill) {
                        gap[offset + i] = true;
                        continue;
                    }
                    value = 0;
                }
                combined[offset + i] = add ? combined[offset + i] + value : Math.max(combined[offset + i], value);
            }
        }
        TrafficSeries.Builder builder = TrafficSeries.builder(Metric.of(direction, quantity), union, step);
        for (int i = 0; i < size; i++) {
            // Under ZERO a slot no input reaches is a 0, like every other missing sample.
            boolean untouched = combined[i] == Double.NEGATIVE_INFINITY;
            builder.set(i, gap[i] ? Double.NaN : untouched ? 0 : combined[i]);
        }
        return builder.build();
    }

    /** Under SKIP, slots an input does not reach are gaps; under ZERO they count as 0. */
    private static void markUncovered(boolean[] gap, int offset, int length, boolean zeroFill) {
        if (zeroFill) {
            return;
        }
        for (int i = 0; i < offset; i++) {
            gap[i] = true;
        }
        for (int i = offset + length; i < gap.length; i++) {
            gap[i] = true;
        }
    }
}
