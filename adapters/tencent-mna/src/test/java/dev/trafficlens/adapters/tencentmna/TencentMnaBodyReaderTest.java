package dev.trafficlens.adapters.tencentmna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TencentMnaRegion;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TencentMnaBodyReaderTest {

    private static final TimeWindow HOUR = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z");
    private static final PlannedCall CALL = new PlannedCall(new TencentMnaRegion(0, Optional.empty()), HOUR,
            Step.FIVE_MINUTES, Source.TENCENT_MNA_REGION.limits().metrics());

    @Test
    void a_recorded_body_reads_as_a_fetched_one_does() {
        long start = HOUR.from().getEpochSecond();
        TrafficSeries out = TencentMnaTrafficSource.bodyReader(CALL, Metric.VOLUME_OUT).apply(bytes(
                "{\"Response\":{\"NetDetails\":[{\"Current\":1200,\"Time\":\"" + start + "\"}],"
                        + "\"RequestId\":\"r-1\"}}"));

        assertThat(out.metric()).isEqualTo(Metric.VOLUME_OUT);
        assertThat(out.presentCount()).isEqualTo(1);
        assertThat(out.valueAt(0)).isEqualTo(1200);
    }

    @Test
    void a_body_the_adapter_refuses_is_an_illegal_argument_saying_why() {
        assertThatThrownBy(() -> TencentMnaTrafficSource.bodyReader(CALL, Metric.VOLUME_IN).apply(bytes("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Response object");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
