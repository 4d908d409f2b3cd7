package dev.trafficlens.domain.stats;

import java.util.Objects;
import java.util.OptionalDouble;

/** One percentile of a series; empty when the series had no sample to take it from. */
public record PercentileValue(double percentile, OptionalDouble value) {

    public PercentileValue {
        Objects.requireNonNull(value, "value");
    }
}
