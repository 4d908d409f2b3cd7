package dev.trafficlens.domain.billing;

import dev.trafficlens.domain.stats.Percentiles;
import java.util.OptionalDouble;

/**
 * The exact bounds of a 95th percentile whose period is not over (docs/billing.md, "Month-to-date bounds"), over one
 * series of per-slot billed values that are never negative: the observed slots (NaN where a sample is missing, and it
 * stays missing) and {@code slotsToCome} slots that will all have a sample. With {@code n} = present + to come samples
 * at the end, the bill is the {@code m}-th largest of them, {@code m = n − ⌈0.95·n⌉ + 1}.
 *
 * @param floor       the m-th largest observed value, or 0 while fewer than m are observed: the bill cannot end lower
 * @param ceiling     the (m − slotsToCome)-th largest observed value when that rank is at least 1, else empty (the
 *                    slots to come alone can set the bill): the bill cannot end higher
 * @param m           the rank from the top the bill will be taken at
 * @param aboveCommit observed values above the commit
 */
public record PercentileBounds(double floor, OptionalDouble ceiling, int m, int aboveCommit) {

    private static final double PERCENTILE = 95;

    /** Bounds of {@code observed[0, observedSlots)} followed by {@code slotsToCome} slots; {@code commit} in the same unit. */
    public static PercentileBounds of(double[] observed, int observedSlots, int slotsToCome, double commit) {
        if (observedSlots < 0 || observedSlots > observed.length || slotsToCome < 0) {
            throw new IllegalArgumentException("expected 0 ≤ observedSlots ≤ " + observed.length
                    + " and slotsToCome ≥ 0, got " + observedSlots + " and " + slotsToCome);
        }
        double[] present = new double[observedSlots];
        int count = 0;
        int above = 0;
        for (int i = 0; i < observedSlots; i++) {
            double value = observed[i];
            if (value == value) {
                present[count++] = value;
                if (value > commit) {
                    above++;
                }
            }
        }
        int n = count + slotsToCome;
        if (n == 0) {
            return new PercentileBounds(0, OptionalDouble.empty(), 0, 0);
        }
        int m = n - Percentiles.nearestRank(PERCENTILE, n) + 1;
        int ceilingRank = m - slotsToCome;
        // k-th largest of count values is ascending rank count − k + 1.
        double[] trimmed = java.util.Arrays.copyOf(present, count);
        boolean hasFloor = count >= m;
        boolean hasCeiling = ceilingRank >= 1;
        double floor = 0;
        OptionalDouble ceiling = OptionalDouble.empty();
        if (hasFloor && hasCeiling) {
            double[] values = Percentiles.atRanks(trimmed, count - m + 1, count - ceilingRank + 1);
            floor = values[0];
            ceiling = OptionalDouble.of(values[1]);
        } else if (hasFloor) {
            floor = Percentiles.atRanks(trimmed, count - m + 1)[0];
        } else if (hasCeiling) {
            ceiling = OptionalDouble.of(Percentiles.atRanks(trimmed, count - ceilingRank + 1)[0]);
        }
        return new PercentileBounds(floor, ceiling, m, above);
    }

    /** How many more slots may exceed the commit before the bill does: (m − 1) − aboveCommit, at least 0. */
    public int burstSlotsLeft() {
        return Math.max(0, m - 1 - aboveCommit);
    }
}
