package dev.trafficlens.adapters.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * One rate limiter per vendor credential and API action, shared by every adapter instance of the process: vendors
 * limit each action per account (Tencent Cloud documents 20 calls/s per action), and each source is one action.
 * The rate is not part of the key, because the vendor's limit does not change with what a configuration declares:
 * the first exchange to use a credential and action sets its rate, later ones share it. The map holds at most
 * {@code capacity} limiters, so a process that sees many short-lived credentials does not grow without bound.
 */
final class RateLimiters {

    /** Far more credential and action pairs than one deployment configures; the bound only guards against leaks. */
    static final RateLimiters SHARED = new RateLimiters(10_000, Runnable::run);

    private final Cache<String, RateLimiter> limiters;

    RateLimiters(long capacity, Executor maintenance) {
        this.limiters = Caffeine.newBuilder().maximumSize(capacity).executor(maintenance).build();
    }

    RateLimiter forAction(String credentialKey, Source source, RateLimit rate, Duration longestWait) {
        return limiters.get(credentialKey + "/" + source.id(), key -> RateLimiter.of(key, RateLimiterConfig.custom()
                .limitForPeriod(rate.permits())
                .limitRefreshPeriod(rate.period())
                .timeoutDuration(longestWait)
                .build()));
    }

    long size() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }
}
