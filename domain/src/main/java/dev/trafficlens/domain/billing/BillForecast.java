package dev.trafficlens.domain.billing;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Where an incomplete percentile period can still end (docs/billing.md, "Month-to-date bounds"), assuming every slot
 * still to come will have a sample and the slots already missing stay missing.
 *
 * @param floorBps       the bill cannot end lower, whatever comes (0 while fewer samples than the rank are seen)
 * @param ceilingBps     the bill cannot end higher, whatever comes; empty while enough slots remain to set it alone
 * @param burstSlotsLeft how many more slots may exceed the commit before the bill does; empty for {@code PER_LINK}
 *                       bills, whose figure is a sum of each link's own
 * @param projectedBps   the bill if the rest of the period repeats the shape of the same weekdays seen so far; empty
 *                       before the first sample
 */
public record BillForecast(double floorBps, OptionalDouble ceilingBps, OptionalInt burstSlotsLeft,
        OptionalDouble projectedBps) {

    public BillForecast {
        Objects.requireNonNull(ceilingBps, "ceilingBps");
        Objects.requireNonNull(burstSlotsLeft, "burstSlotsLeft");
        Objects.requireNonNull(projectedBps, "projectedBps");
    }
}
