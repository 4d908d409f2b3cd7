package dev.trafficlens.graphql.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.trafficlens.graphql.config.TrafficlensProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The failed authentications each client address may make: {@code trafficlens.security.failed-attempts.limit} (20)
 * within {@code .window} (a minute) counted from its first failure. The one after them, and every request from that
 * address until the window ends, is refused with HTTP 429, a valid token's included: a guesser learns nothing more
 * until then (as fail2ban and similar tools block an address rather than its failures only).
 *
 * <p>Each address has a Bucket4j bucket of {@code limit} tokens, filled again at once when its window ends; a failure
 * takes a token, and the failure that finds none overdraws the bucket, which is what blocks the address. Time comes from
 * the service's {@link Clock}, so that a test moves it on instead of waiting.
 */
public final class FailedAttempts {

    /** Addresses tracked at once; an attacker spraying more of them costs memory no further. */
    private static final long ADDRESSES = 100_000;

    private final int limit;
    private final Duration window;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    public FailedAttempts(TrafficlensProperties.FailedAttempts settings, Clock clock) {
        this.limit = settings.limit();
        this.window = settings.window();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder().maximumSize(ADDRESSES)
                .expireAfterAccess(window.multipliedBy(2))
                .ticker(time::currentTimeNanos)
                .build();
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** Counts a failed authentication from {@code address}; true when it went over the limit and is now blocked. */
    public boolean failed(String address) {
        Bucket bucket = buckets.get(address, any -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillIntervally(limit, window).build())
                .withCustomTimePrecision(time)
                .build());
        if (bucket.tryConsume(1)) {
            return false;
        }
        bucket.consumeIgnoringRateLimits(1);
        return true;
    }

    /** How long {@code address} stays blocked; empty when it is not. */
    public Optional<Duration> blockedFor(String address) {
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket == null || bucket.getAvailableTokens() >= 0) {
            return Optional.empty();
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
    }
}
