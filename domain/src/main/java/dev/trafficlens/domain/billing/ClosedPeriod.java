package dev.trafficlens.domain.billing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A closed period of a bill: the figures it closed with, then every recomputation that differed from the one before
 * it (samples revised after the close), oldest first. The first revision is what was billed; none is ever replaced.
 */
public record ClosedPeriod(String billId, List<PeriodRevision> revisions) {

    public ClosedPeriod {
        Objects.requireNonNull(billId, "billId");
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("revisions: a closed period has at least the figures it closed with");
        }
    }

    public String period() {
        return revisions.get(0).figures().period().name();
    }

    public Instant closedAt() {
        return revisions.get(0).computedAt();
    }

    /** The figures the period closed with: what was billed. */
    public PeriodFigures atClose() {
        return revisions.get(0).figures();
    }

    /** The latest figures: {@link #atClose} unless samples were revised since. */
    public PeriodFigures latest() {
        return revisions.get(revisions.size() - 1).figures();
    }

    public boolean revisedSinceClose() {
        return revisions.size() > 1;
    }
}
