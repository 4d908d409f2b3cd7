package dev.trafficlens.domain.billing;

import java.time.Instant;
import java.util.Objects;

/** A complete period's figures as computed at {@code computedAt}. */
public record PeriodRevision(PeriodFigures figures, Instant computedAt) {

    public PeriodRevision {
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(computedAt, "computedAt");
        if (!figures.complete()) {
            throw new IllegalArgumentException("figures: expected a complete period's, got " + figures.period());
        }
    }
}
