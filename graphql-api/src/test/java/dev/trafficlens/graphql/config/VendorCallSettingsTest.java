package dev.trafficlens.graphql.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.adapters.support.ExchangeListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.mock.env.MockEnvironment;

/** The keys for timeouts, retries and the circuit breaker reach the policies, and a wrong value names its key. */
class VendorCallSettingsTest {

    /** An environment converting values as the application's does ("750ms" to a Duration). */
    private static MockEnvironment environment() {
        MockEnvironment environment = new MockEnvironment();
        environment.setConversionService(new ApplicationConversionService());
        return environment;
    }

    @Test
    void keys_reach_the_policies() {
        MockEnvironment environment = environment()
                .withProperty("trafficlens.timeouts.request", "750ms")
                .withProperty("trafficlens.retry.max-attempts", "2")
                .withProperty("trafficlens.retry.deadline", "9s")
                .withProperty("trafficlens.circuit-breaker.enabled", "false")
                .withProperty("trafficlens.circuit-breaker.open-for", "1m");

        TrafficlensWiring.VendorCalls calls = TrafficlensWiring.vendorCalls(
                TrafficlensProperties.bind(environment), ExchangeListener.NONE);

        assertThat(calls.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(calls.retry().maxAttempts()).isEqualTo(2);
        assertThat(calls.retry().deadline()).isEqualTo(Duration.ofSeconds(9));
        assertThat(calls.circuitBreaker().enabled()).isFalse();
        assertThat(calls.circuitBreaker().openFor()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_wrong_retry_value_names_its_key() {
        MockEnvironment environment = environment().withProperty("trafficlens.retry.max-attempts", "0");

        assertThatThrownBy(() -> TrafficlensProperties.bind(environment)).rootCause()
                .hasMessage("trafficlens.retry.max-attempts: expected at least 1, got 0");
    }

    @Test
    void a_wrong_circuit_breaker_value_names_its_key() {
        MockEnvironment environment = environment()
                .withProperty("trafficlens.circuit-breaker.failure-rate-percent", "150");

        assertThatThrownBy(() -> TrafficlensProperties.bind(environment)).rootCause()
                .hasMessageStartingWith("trafficlens.circuit-breaker.failure-rate-percent: expected more than 0");
    }

    @Test
    void a_timeout_that_is_not_positive_names_its_key() {
        MockEnvironment environment = environment().withProperty("trafficlens.timeouts.connect", "0s");

        assertThatThrownBy(() -> TrafficlensProperties.bind(environment)).rootCause()
                .hasMessageStartingWith("trafficlens.timeouts.connect: expected a positive duration");
    }
}
