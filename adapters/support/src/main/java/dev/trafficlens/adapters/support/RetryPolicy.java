package dev.trafficlens.adapters.support;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed exchange is retried: at most {@code maxAttempts} attempts, waits growing from {@code initialBackoff}
 * by {@code multiplier} up to {@code maxBackoff} with random jitter (or as long as the vendor's Retry-After asks),
 * and never past {@code deadline} from the first attempt. Only network errors, timeouts, server errors and
 * throttling are retried.
 */
public record RetryPolicy(
        int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, Duration deadline) {

    /** Four attempts, 0.5 s, 1 s, 2 s apart (±50 %), within 30 s: about what the vendors' own SDKs do. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(deadline, "deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: expected at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff: expected a positive duration, got " + initialBackoff);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier: expected at least 1, got " + multiplier);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff: expected at least initialBackoff, got " + maxBackoff);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline: expected a positive duration, got " + deadline);
        }
    }

    /** One attempt only. */
    public static RetryPolicy noRetries(Duration deadline) {
        return new RetryPolicy(1, Duration.ofMillis(1), 1, Duration.ofMillis(1), deadline);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, multiplier, maxBackoff, deadline);
    }

    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, multiplier, max, deadline);
    }

    public RetryPolicy withDeadline(Duration newDeadline) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, newDeadline);
    }
}
