package dev.trafficlens.domain.model;

import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} calls in any {@code period}; {@code documented} tells whether the vendor publishes it. */
public record RateLimit(int permits, Duration period, boolean documented) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("permits: expected at least 1, got " + permits);
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period: expected a positive duration, got " + period);
        }
    }

    public static RateLimit documentedPerSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1), true);
    }

    /** A conservative limit chosen by trafficlens where the vendor publishes none. */
    public static RateLimit assumedPerSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1), false);
    }

    /** The average spacing between calls at the limit. */
    public Duration interval() {
        return period.dividedBy(permits);
    }
}
