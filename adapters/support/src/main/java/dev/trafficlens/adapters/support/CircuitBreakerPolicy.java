package dev.trafficlens.adapters.support;

import java.time.Duration;
import java.util.Objects;

/**
 * When an adapter stops calling a source that keeps failing: once at least {@code minimumCalls} of the last
 * {@code windowCalls} calls were made and {@code failureRatePercent} of them failed for the vendor's sake (unreachable,
 * server errors or unreadable answers, after retries), calls fail at once for {@code openFor}; then
 * {@code trialCalls} calls go through, and the source is called normally again when they succeed. Failures that are
 * the caller's (unknown resource, bad credentials, out of retention) and throttling never count.
 */
public record CircuitBreakerPolicy(
        boolean enabled, int minimumCalls, int windowCalls, float failureRatePercent, Duration openFor, int trialCalls) {

    /** Opens when half of the last 20 calls failed (10 at least), for 30 s, then tries 3. */
    public static final CircuitBreakerPolicy DEFAULT =
            new CircuitBreakerPolicy(true, 10, 20, 50, Duration.ofSeconds(30), 3);

    /** Never opens: every call goes to the vendor. */
    public static final CircuitBreakerPolicy OFF = new CircuitBreakerPolicy(false, 1, 1, 100, Duration.ofSeconds(1), 1);

    public CircuitBreakerPolicy {
        Objects.requireNonNull(openFor, "openFor");
        if (windowCalls < 1) {
            throw new IllegalArgumentException("windowCalls: expected at least 1, got " + windowCalls);
        }
        if (minimumCalls < 1 || minimumCalls > windowCalls) {
            throw new IllegalArgumentException(
                    "minimumCalls: expected 1 to windowCalls (" + windowCalls + "), got " + minimumCalls);
        }
        if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
            throw new IllegalArgumentException(
                    "failureRatePercent: expected more than 0 and at most 100, got " + failureRatePercent);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor: expected a positive duration, got " + openFor);
        }
        if (trialCalls < 1) {
            throw new IllegalArgumentException("trialCalls: expected at least 1, got " + trialCalls);
        }
    }

    public CircuitBreakerPolicy withOpenFor(Duration duration) {
        return new CircuitBreakerPolicy(enabled, minimumCalls, windowCalls, failureRatePercent, duration, trialCalls);
    }

    public CircuitBreakerPolicy withWindow(int minimum, int window) {
        return new CircuitBreakerPolicy(enabled, minimum, window, failureRatePercent, openFor, trialCalls);
    }
}
