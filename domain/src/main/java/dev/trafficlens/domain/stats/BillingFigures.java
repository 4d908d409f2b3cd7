package dev.trafficlens.domain.stats;

import java.util.Objects;
import java.util.OptionalDouble;

/** One billing percentile of a link under each of the three rules; empty where no interval had a sample. */
public record BillingFigures(OptionalDouble higherDirection, OptionalDouble perIntervalMax, OptionalDouble sum) {

    public BillingFigures {
        Objects.requireNonNull(higherDirection, "higherDirection");
        Objects.requireNonNull(perIntervalMax, "perIntervalMax");
        Objects.requireNonNull(sum, "sum");
    }

    public OptionalDouble by(BillingRule rule) {
        return switch (rule) {
            case HIGHER_DIRECTION -> higherDirection;
            case PER_INTERVAL_MAX -> perIntervalMax;
            case SUM -> sum;
        };
    }
}
