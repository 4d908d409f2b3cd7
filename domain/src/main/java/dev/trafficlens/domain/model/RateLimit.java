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

    /**
     * A limit an operator set, such as 20 calls a second for an account with a larger quota than the default; a
     * fraction such as 0.5 means one call every two seconds.
     */
    public static RateLimit configuredPerSecond(double callsPerSecond) {
        if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
            throw new IllegalArgumentException("callsPerSecond: expected a positive number, got " + callsPerSecond);
        }
        if (callsPerSecond == Math.rint(callsPerSecond) && callsPerSecond <= Integer.MAX_VALUE) {
            return new RateLimit((int) callsPerSecond, Duration.ofSeconds(1), false);
        }
        return new RateLimit(1, Duration.ofNanos(Math.max(1, Math.round(1e9 / callsPerSecond))), false);
    }

    /** Calls per second at the limit. */
    public double perSecond() {
        return permits * 1e9 / period.toNanos();
    }

    /** The average spacing between calls at the limit. */
    public Duration interval() {
        return period.dividedBy(permits);
    }
}
