package dev.trafficlens.domain.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A period as a bill's reader sees it: the figures (for a closed period, those it closed with, served from the store)
 * and, once closed, when, and whether a later recomputation differed ({@code closed} then holds every revision).
 */
public record BillPeriod(PeriodFigures figures, Optional<ClosedPeriod> closed) {

    public BillPeriod {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(closed, "closed");
    }

    public Optional<Instant> closedAt() {
        return closed.map(ClosedPeriod::closedAt);
    }

    public boolean revisedSinceClose() {
        return closed.map(ClosedPeriod::revisedSinceClose).orElse(false);
    }
}
