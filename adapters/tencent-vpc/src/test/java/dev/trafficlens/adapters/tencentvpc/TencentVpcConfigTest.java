package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.adapters.support.HttpSettings;
import dev.trafficlens.adapters.support.RetryPolicy;
import dev.trafficlens.domain.model.Source;
import java.net.URI;
import java.time.Clock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TencentVpcConfigTest {

    private static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA";

    @Test
    void defaults_to_the_vendors_public_host_and_the_sources_own_limits() {
        TencentVpcConfig config = TencentVpcConfig.builder().secretId("AKIDone").secretKey(SECRET_KEY).build();
        HttpSettings settings = config.httpSettings();

        assertThat(settings.resolve(VpnConnMonitorRequest.PATH))
                .isEqualTo(URI.create("https://vpc.api.qcloud.com/v2/index.php"));
        assertThat(settings.hostHeader()).isEqualTo("vpc.api.qcloud.com");
        assertThat(settings.rateLimit()).isEqualTo(Source.TENCENT_VPN_CONNECTION.limits().rateLimit());
        assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(config.clock()).isEqualTo(Clock.systemUTC());
    }

    @Test
    void a_local_simulator_endpoint_keeps_its_port_in_the_signed_host() {
        TencentVpcConfig config = TencentVpcConfig.builder().endpoint("http://127.0.0.1:18080")
                .secretId("AKIDone").secretKey(SECRET_KEY).build();

        assertThat(config.httpSettings().hostHeader()).isEqualTo("127.0.0.1:18080");
        assertThat(config.httpSettings().resolve(VpnConnMonitorRequest.PATH))
                .isEqualTo(URI.create("http://127.0.0.1:18080/v2/index.php"));
    }

    @Test
    void refuses_a_missing_secret_id_naming_it() {
        assertThatThrownBy(() -> TencentVpcConfig.builder().secretKey(SECRET_KEY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretId:");
        assertThatThrownBy(() -> TencentVpcConfig.builder().secretId(" ").secretKey(SECRET_KEY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretId:");
    }

    @Test
    void refuses_a_missing_secret_key_naming_it() {
        assertThatThrownBy(() -> TencentVpcConfig.builder().secretId("AKIDone").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretKey:");
        assertThatThrownBy(() -> TencentVpcConfig.builder().secretId("AKIDone").secretKey("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("secretKey:");
    }

    @Test
    void names_both_fields_when_both_are_missing() {
        assertThatThrownBy(() -> TencentVpcConfig.builder().build())
                .hasMessageContaining("secretId").hasMessageContaining("secretKey");
    }

    @Test
    void refuses_an_endpoint_that_is_not_an_http_base_url() {
        assertThatThrownBy(() -> TencentVpcConfig.builder().endpoint("ftp://vpc.api.qcloud.com")
                .secretId("AKIDone").secretKey(SECRET_KEY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
    }

    @Test
    void never_prints_the_secret_key() {
        TencentVpcConfig config = TencentVpcConfig.builder().secretId("AKIDone").secretKey(SECRET_KEY).build();

        assertThat(config.toString()).contains("AKIDone").doesNotContain(SECRET_KEY);
    }

    @Test
    void the_default_nonces_are_positive() {
        TencentVpcConfig config = TencentVpcConfig.builder().secretId("AKIDone").secretKey(SECRET_KEY).build();

        assertThat(IntStream.range(0, 10_000).map(i -> config.nonceSource().getAsInt())).allMatch(nonce -> nonce > 0);
    }
}
