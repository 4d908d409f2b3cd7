package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.adapters.support.Secret;
import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QingCloudConfigTest {

    private static final String SECRET = "SECRETACCESSKEY";

    private static QingCloudConfig.Builder complete() {
        return QingCloudConfig.builder().accessKeyId("QYACCESSKEYIDEXAMPLE").secretAccessKey(SECRET);
    }

    @Test
    void defaults_to_the_public_host_the_sources_rate_limit_and_the_default_retries() {
        QingCloudConfig config = complete().build();

        assertThat(config.endpoint()).isEqualTo(URI.create("https://api.qingcloud.com"));
        assertThat(config.rateLimit()).isEqualTo(Source.QINGCLOUD_WAN.limits().rateLimit());
        assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(config.httpSettings().resolve(QingCloudTrafficSource.PATH))
                .isEqualTo(URI.create("https://api.qingcloud.com/iaas/"));
    }

    @Test
    void carries_every_setting_into_its_http_settings() {
        RateLimit limit = RateLimit.assumedPerSecond(3);
        RetryPolicy retries = RetryPolicy.noRetries(Duration.ofSeconds(7));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        QingCloudConfig config = complete()
                .endpoint("http://127.0.0.1:18080")
                .connectTimeout(Duration.ofMillis(700))
                .requestTimeout(Duration.ofSeconds(3))
                .rateLimit(limit)
                .retryPolicy(retries)
                .clock(clock)
                .build();

        HttpSettings settings = config.httpSettings();
        assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(settings.hostHeader()).isEqualTo("127.0.0.1:18080");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.rateLimit()).isEqualTo(limit);
        assertThat(settings.retryPolicy()).isEqualTo(retries);
        assertThat(config.clock()).isSameAs(clock);
    }

    @Test
    void refuses_a_missing_or_blank_access_key_id_by_name() {
        assertThatThrownBy(() -> QingCloudConfig.builder().secretAccessKey(SECRET).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accessKeyId:");
        assertThatThrownBy(() -> complete().accessKeyId("  ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accessKeyId:");
    }

    @Test
    void refuses_a_missing_or_blank_secret_by_name() {
        assertThatThrownBy(() -> QingCloudConfig.builder().accessKeyId("QYACCESSKEYIDEXAMPLE").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretAccessKey:");
        assertThatThrownBy(() -> complete().secretAccessKey("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretAccessKey:");
        assertThatThrownBy(() -> complete().secretAccessKey((Secret) null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretAccessKey:");
    }

    @Test
    void refuses_endpoints_that_are_not_http_base_urls_and_durations_that_are_not_positive() {
        assertThatThrownBy(() -> complete().endpoint("ftp://api.qingcloud.com").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> complete().endpoint("https://api.qingcloud.com/?x=1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> complete().requestTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requestTimeout:");
        assertThatThrownBy(() -> complete().connectTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connectTimeout:");
    }

    @Test
    void never_prints_the_secret_but_shows_the_key_id() {
        QingCloudConfig config = complete().build();

        assertThat(config.toString()).doesNotContain(SECRET).contains("QYACCESSKEYIDEXAMPLE", "******");
        assertThat(config.secretAccessKey().reveal()).isEqualTo(SECRET);
    }
}
