package dev.trafficlens.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallPermitKeyTest {

    private static final String ACCESS_KEY_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";

    @Test
    void the_key_names_the_source_and_never_shows_the_access_key_id() {
        CallPermitKey key = CallPermitKey.of(Source.ZENLAYER_PRIVATE_CONNECT, ACCESS_KEY_ID);

        assertThat(key.value()).startsWith(Source.ZENLAYER_PRIVATE_CONNECT.id() + "/").matches(".*/[0-9a-f]{16}");
        assertThat(key.toString()).doesNotContain(ACCESS_KEY_ID).doesNotContain(ACCESS_KEY_ID.substring(0, 8));
    }

    @Test
    void one_credential_and_source_is_one_key_and_any_other_is_another() {
        CallPermitKey key = CallPermitKey.of(Source.ZENLAYER_PRIVATE_CONNECT, ACCESS_KEY_ID);

        assertThat(CallPermitKey.of(Source.ZENLAYER_PRIVATE_CONNECT, ACCESS_KEY_ID)).isEqualTo(key);
        assertThat(CallPermitKey.of(Source.ZENLAYER_CLOUD_ROUTER, ACCESS_KEY_ID)).isNotEqualTo(key);
        assertThat(CallPermitKey.of(Source.ZENLAYER_PRIVATE_CONNECT, ACCESS_KEY_ID + "2")).isNotEqualTo(key);
    }

    @Test
    void a_blank_key_is_refused() {
        assertThatThrownBy(() -> new CallPermitKey(" ")).hasMessageContaining("value");
    }

    @Test
    void unshared_permits_are_granted_at_once() {
        assertThat(SharedCallPermits.unshared().acquire(CallPermitKey.of(Source.QINGCLOUD_WAN, "k"),
                RateLimit.documentedPerSecond(1), Duration.ZERO).toCompletableFuture().getNow(false)).isTrue();
    }
}
