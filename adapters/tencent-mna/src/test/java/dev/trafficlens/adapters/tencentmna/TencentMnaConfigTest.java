package dev.trafficlens.adapters.tencentmna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.domain.model.RateLimit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The config builder: defaults, overrides, refusals by field name, and a secret that never prints. */
class TencentMnaConfigTest {

    private static final String KEY = "config-test-secret-key";

    @Test
    void defaults_to_the_intl_host_the_documented_rate_limit_and_default_retries() {
        TencentMnaConfig config = TencentMnaConfig.builder().secretId("AKIDconfig").secretKey(KEY).build();

        HttpSettings settings = config.httpSettings();
        assertThat(settings.endpoint()).isEqualTo(URI.create("https://mna.intl.tencentcloudapi.com"));
        assertThat(settings.hostHeader()).isEqualTo("mna.intl.tencentcloudapi.com");
        assertThat(settings.resolve("/")).isEqualTo(URI.create("https://mna.intl.tencentcloudapi.com/"));
        assertThat(settings.rateLimit()).isEqualTo(RateLimit.documentedPerSecond(20));
        assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void takes_a_local_endpoint_and_every_setting() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        TencentMnaConfig config = TencentMnaConfig.builder()
                .endpoint("http://127.0.0.1:18080")
                .secretId("AKIDconfig")
                .secretKey(KEY)
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(2))
                .rateLimit(RateLimit.assumedPerSecond(5))
                .retryPolicy(RetryPolicy.noRetries(Duration.ofSeconds(3)))
                .clock(clock)
                .build();

        HttpSettings settings = config.httpSettings();
        assertThat(settings.hostHeader()).isEqualTo("127.0.0.1:18080");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.rateLimit()).isEqualTo(RateLimit.assumedPerSecond(5));
        assertThat(settings.retryPolicy().maxAttempts()).isEqualTo(1);
        assertThat(config.clock()).isSameAs(clock);
    }

    @Test
    void refuses_a_missing_secret_id_by_name() {
        assertThatThrownBy(() -> TencentMnaConfig.builder().secretKey(KEY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretId:");
        assertThatThrownBy(() -> TencentMnaConfig.builder().secretId(" ").secretKey(KEY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretId:");
    }

    @Test
    void refuses_a_missing_secret_key_by_name() {
        assertThatThrownBy(() -> TencentMnaConfig.builder().secretId("AKIDconfig").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretKey:");
        assertThatThrownBy(() -> TencentMnaConfig.builder().secretId("AKIDconfig").secretKey(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretKey:");
    }

    @Test
    void refuses_an_endpoint_that_is_not_an_http_base_url() {
        assertThatThrownBy(() -> TencentMnaConfig.builder().secretId("AKIDconfig").secretKey(KEY)
                .endpoint("ftp://mna.intl.tencentcloudapi.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endpoint:");
    }

    @Test
    void refuses_a_timeout_that_is_not_positive() {
        assertThatThrownBy(() -> TencentMnaConfig.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requestTimeout:");
    }

    @Test
    void never_prints_the_secret_key() {
        TencentMnaConfig config = TencentMnaConfig.builder().secretId("AKIDconfig").secretKey(KEY).build();

        assertThat(config.toString()).contains("AKIDconfig", "******").doesNotContain(KEY);
        assertThat(config.secretKey().toString()).doesNotContain(KEY);
    }
}
