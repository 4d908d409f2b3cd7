package dev.trafficlens.adapters.zenlayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.ZenlayerPrivateConnect;
import dev.trafficlens.domain.port.out.PlannedCall;
import dev.trafficlens.domain.port.out.SourceAnswer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZenlayerBodyReaderTest {

    private static final PlannedCall HOUR = new PlannedCall(new ZenlayerPrivateConnect("pc-1"),
            TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"), Step.FIVE_MINUTES,
            Source.ZENLAYER_PRIVATE_CONNECT.limits().metrics());

    @Test
    void a_recorded_body_reads_as_a_fetched_one_does() {
        SourceAnswer answer = ZenlayerTrafficSource.bodyReader(HOUR).apply(bytes("{\"requestId\":\"T-1\",\"response\":"
                + "{\"dataList\":[{\"time\":\"2026-01-01T00:05:00Z\",\"internetRX\":2000,\"internetTX\":500}],"
                + "\"unit\":\"bps\"}}"));

        TrafficSeries in = answer.series(Metric.BITRATE_IN).orElseThrow();
        assertThat(in.presentCount()).isEqualTo(1);
        assertThat(in.valueAt(1)).isEqualTo(2000);
        assertThat(answer.series(Metric.BITRATE_OUT).orElseThrow().valueAt(1)).isEqualTo(500);
    }

    @Test
    void a_body_the_adapter_refuses_is_an_illegal_argument_saying_why() {
        assertThatThrownBy(() -> ZenlayerTrafficSource.bodyReader(HOUR).apply(bytes("{\"requestId\":\"T-1\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no response object");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
