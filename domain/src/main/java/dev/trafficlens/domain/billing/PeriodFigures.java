package dev.trafficlens.domain.billing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A bill's figures over one period: for an incomplete period, as if it ended at the time they were computed
 * (docs/billing.md has each formula).
 *
 * @param elapsedSlots the slots wholly passed when computed: {@code expectedSlots} once complete
 * @param presentSlots slots in which every link of the bill has a sample in both directions
 * @param coverage     presentSlots ÷ elapsedSlots (0 before the period starts)
 * @param rank         the ascending nearest rank billed among the present slots ({@code AGGREGATE}); empty for
 *                     {@code PER_LINK}, whose links each have their own, and without samples
 * @param totalBytes   bytes in and out, all links, over the samples present
 * @param commitBps    the percentile model's commit (0 when the bill names none); empty for volume bills
 * @param overageBps   billedBps above commitBps, at least 0; empty for volume bills and without samples
 * @param commitBytes  the volume model's commit (0 when none); empty for percentile bills
 * @param overageBytes totalBytes above commitBytes, at least 0; empty for percentile bills
 * @param charge       in the bill's currency; empty when the bill names no price
 * @param forecast     bounds of an incomplete percentile period; empty once complete and for volume bills
 */
public record PeriodFigures(
        BillingPeriod period,
        boolean complete,
        int expectedSlots,
        int elapsedSlots,
        int presentSlots,
        double coverage,
        OptionalDouble p95InBps,
        OptionalDouble p95OutBps,
        OptionalDouble billedBps,
        OptionalInt rank,
        double totalBytes,
        OptionalDouble commitBps,
        OptionalDouble overageBps,
        OptionalDouble commitBytes,
        OptionalDouble overageBytes,
        OptionalDouble charge,
        Optional<BillForecast> forecast,
        List<LinkFigures> links) {

    public PeriodFigures {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(p95InBps, "p95InBps");
        Objects.requireNonNull(p95OutBps, "p95OutBps");
        Objects.requireNonNull(billedBps, "billedBps");
        Objects.requireNonNull(rank, "rank");
        Objects.requireNonNull(commitBps, "commitBps");
        Objects.requireNonNull(overageBps, "overageBps");
        Objects.requireNonNull(commitBytes, "commitBytes");
        Objects.requireNonNull(overageBytes, "overageBytes");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(forecast, "forecast");
        links = List.copyOf(links);
        if (complete && forecast.isPresent()) {
            throw new IllegalArgumentException("forecast: a complete period has none");
        }
    }
}
