package dev.trafficlens.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void carries_each_vendors_documented_limits() {
        assertThat(Source.TENCENT_VPN_CONNECTION.limits().maxSpanPerCall()).isEqualTo(Duration.ofDays(2));
        assertThat(Source.ZENLAYER_PRIVATE_CONNECT.limits().maxSpanPerCall()).isEqualTo(Duration.ofDays(1));
        assertThat(Source.ZENLAYER_CLOUD_ROUTER.limits().retention()).hasValue(Duration.ofDays(30));
        assertThat(Source.TENCENT_MNA_REGION.limits().maxSpanPerCall()).isEqualTo(Duration.ofDays(7));
        assertThat(Source.TENCENT_MNA_REGION.limits().nativeSteps())
                .containsExactly(Step.ONE_MINUTE, Step.FIVE_MINUTES, Step.ONE_HOUR, Step.ONE_DAY);
        assertThat(Source.TENCENT_MNA_REGION.limits().rateLimit()).isEqualTo(RateLimit.documentedPerSecond(20));
        assertThat(Source.QINGCLOUD_WAN.limits().nativeSteps()).hasSize(7).first().isEqualTo(Step.ONE_MINUTE);
    }

    @Test
    void lists_metrics_in_a_stable_order() {
        assertThat(Source.QINGCLOUD_WAN.limits().metrics()).containsExactly(
                Metric.BITRATE_IN, Metric.BITRATE_OUT, Metric.PACKET_RATE_IN, Metric.PACKET_RATE_OUT,
                Metric.VOLUME_IN, Metric.VOLUME_OUT);
    }

    @Test
    void is_found_by_its_public_id() {
        assertThat(Source.byId("zenlayer.private-connect")).hasValue(Source.ZENLAYER_PRIVATE_CONNECT);
        assertThat(Source.byId("zenlayer")).isEmpty();
    }

    @Test
    void limits_refuse_a_span_off_the_step_grid() {
        assertThatThrownBy(() -> new SourceLimits(Set.of(Step.ONE_DAY), Step.ONE_DAY, Duration.ofHours(36),
                Optional.empty(), Set.of(Metric.BITRATE_IN), RateLimit.assumedPerSecond(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSpanPerCall");
    }

    @Test
    void fetches_the_coarsest_native_step_dividing_the_requested_one() {
        SourceLimits mna = Source.TENCENT_MNA_REGION.limits();
        assertThat(mna.fetchStepFor(Step.ofMinutes(10))).hasValue(Step.FIVE_MINUTES);
        assertThat(mna.fetchStepFor(Step.ofMinutes(3))).hasValue(Step.ONE_MINUTE);
        assertThat(Source.ZENLAYER_PRIVATE_CONNECT.limits().fetchStepFor(Step.ofMinutes(3))).isEmpty();
    }
}
