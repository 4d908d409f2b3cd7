package dev.trafficlens.adapters.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimitersTest {

    private static final Duration WAIT = Duration.ofSeconds(1);

    @Test
    void one_credential_and_action_get_one_limiter_whatever_rate_each_configuration_declares() {
        RateLimiters limiters = new RateLimiters(100, Runnable::run);

        RateLimiter declaredTwenty = limiters.forAction("tencent:AKID1", Source.TENCENT_VPN_CONNECTION,
                RateLimit.assumedPerSecond(20), WAIT);
        RateLimiter declaredFive = limiters.forAction("tencent:AKID1", Source.TENCENT_VPN_CONNECTION,
                RateLimit.assumedPerSecond(5), WAIT);

        assertThat(declaredFive).isSameAs(declaredTwenty);
        assertThat(declaredFive.getRateLimiterConfig().getLimitForPeriod()).isEqualTo(20);
        assertThat(limiters.size()).isEqualTo(1);
    }

    @Test
    void another_credential_or_action_gets_its_own_limiter() {
        RateLimiters limiters = new RateLimiters(100, Runnable::run);
        RateLimit rate = RateLimit.assumedPerSecond(20);

        RateLimiter first = limiters.forAction("tencent:AKID1", Source.TENCENT_VPN_CONNECTION, rate, WAIT);

        assertThat(limiters.forAction("tencent:AKID2", Source.TENCENT_VPN_CONNECTION, rate, WAIT)).isNotSameAs(first);
        assertThat(limiters.forAction("tencent:AKID1", Source.TENCENT_MNA_REGION, rate, WAIT)).isNotSameAs(first);
        assertThat(limiters.size()).isEqualTo(3);
    }

    @Test
    void many_credentials_do_not_grow_the_map_beyond_its_capacity() {
        RateLimiters limiters = new RateLimiters(16, Runnable::run);

        IntStream.range(0, 1_000).forEach(i -> limiters.forAction("zenlayer:key-" + i, Source.ZENLAYER_CLOUD_ROUTER,
                RateLimit.assumedPerSecond(20), WAIT));

        assertThat(limiters.size()).isLessThanOrEqualTo(16);
    }
}
