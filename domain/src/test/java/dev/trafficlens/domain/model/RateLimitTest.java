package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void a_whole_number_of_calls_per_second_is_that_many_permits_a_second() {
        assertThat(RateLimit.configuredPerSecond(20)).isEqualTo(new RateLimit(20, Duration.ofSeconds(1), false));
    }

    @Test
    void a_fraction_spaces_single_calls_out() {
        assertThat(RateLimit.configuredPerSecond(0.5)).isEqualTo(new RateLimit(1, Duration.ofSeconds(2), false));
        assertThat(RateLimit.configuredPerSecond(2.5)).isEqualTo(new RateLimit(1, Duration.ofMillis(400), false));
    }

    @Test
    void any_configured_rate_reads_back_as_calls_per_second() {
        Random random = new Random(20261206L);
        for (int i = 0; i < 10_000; i++) {
            double perSecond = random.nextBoolean() ? 1 + random.nextInt(1_000) : random.nextDouble() * 100 + 1e-3;
            assertThat(RateLimit.configuredPerSecond(perSecond).perSecond())
                    .isCloseTo(perSecond, org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
    }

    @Test
    void zero_negative_and_endless_rates_are_refused() {
        for (double wrong : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> RateLimit.configuredPerSecond(wrong))
                    .hasMessageStartingWith("callsPerSecond: expected a positive number");
        }
    }
}
