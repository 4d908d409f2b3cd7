package dev.trafficlens.adapters.tencentvpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentVpnConnection;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TencentVpcBodyReaderTest {

    private static final PlannedCall HOUR = new PlannedCall(
            new TencentVpnConnection("ap-guangzhou", "vpc-1", "vpngw-1", "vpnx-1"),
            TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"), Step.FIVE_MINUTES,
            Source.TENCENT_VPN_CONNECTION.limits().metrics());

    @Test
    void a_recorded_body_is_placed_on_the_calls_grid_as_a_fetched_one_is() {
        TrafficSeries series = TencentVpcTrafficSource.bodyReader(HOUR, Metric.BITRATE_OUT)
                .apply(bytes("{\"code\":0,\"message\":\"\",\"codeDesc\":\"Success\",\"data\":[1000,null,3000]}"));

        assertThat(series.metric()).isEqualTo(Metric.BITRATE_OUT);
        assertThat(series.size()).isEqualTo(12);
        assertThat(series.valueAt(0)).isEqualTo(1000);
        assertThat(series.isPresent(1)).isFalse();
        assertThat(series.valueAt(2)).isEqualTo(3000);
        assertThat(series.presentCount()).isEqualTo(2);
    }

    @Test
    void a_body_the_adapter_refuses_is_an_illegal_argument_saying_why() {
        assertThatThrownBy(() -> TencentVpcTrafficSource.bodyReader(HOUR, Metric.BITRATE_IN).apply(bytes("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no \"code\" field");
    }

    @Test
    void a_call_the_adapter_would_not_send_is_refused_before_any_body() {
        PlannedCall other = new PlannedCall(new ZenlayerPrivateConnect("pc-1"), HOUR.window(), Step.FIVE_MINUTES,
                Source.ZENLAYER_PRIVATE_CONNECT.limits().metrics());

        assertThatThrownBy(() -> TencentVpcTrafficSource.bodyReader(other, Metric.BITRATE_IN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TencentVpnConnection");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
