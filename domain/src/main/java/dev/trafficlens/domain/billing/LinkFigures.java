package dev.trafficlens.domain.billing;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One link's own figures over a period (so far, for an incomplete one): slots with a sample in both directions, their
 * share of the slots so far, each direction's p95, the billed p95 under the bill's rule and the ascending nearest rank
 * it was taken at among the slots present, and the bytes in and out. The percentiles are empty without samples.
 */
public record LinkFigures(
        String linkId,
        int presentSlots,
        double coverage,
        OptionalDouble p95InBps,
        OptionalDouble p95OutBps,
        OptionalDouble billedBps,
        OptionalInt rank,
        double totalBytes) {

    public LinkFigures {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(p95InBps, "p95InBps");
        Objects.requireNonNull(p95OutBps, "p95OutBps");
        Objects.requireNonNull(billedBps, "billedBps");
        Objects.requireNonNull(rank, "rank");
    }
}
