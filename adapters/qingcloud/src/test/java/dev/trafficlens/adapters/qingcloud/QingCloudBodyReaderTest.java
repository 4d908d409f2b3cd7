package dev.trafficlens.adapters.qingcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QingCloudWanAccess;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.out.PlannedCall;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QingCloudBodyReaderTest {

    private static final TimeWindow HOUR = TimeWindow.of("2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z");
    private static final PlannedCall CALL = new PlannedCall(QingCloudWanAccess.of("pek3", "waif-1", "vpc"), HOUR,
            Step.FIVE_MINUTES, Set.of(Metric.BITRATE_IN));

    @Test
    void a_recorded_body_reads_as_a_fetched_one_does() {
        long start = HOUR.from().getEpochSecond();
        TrafficSeries in = QingCloudTrafficSource.bodyReader(CALL).apply(bytes("{\"action\":\"GetWanMonitorResponse\","
                        + "\"meter_set\":[{\"meter_id\":\"traffic\",\"data\":[[" + start + ",[100,50]],\"NA\",[300,70]]}],"
                        + "\"ret_code\":0}"))
                .series(Metric.BITRATE_IN).orElseThrow();

        assertThat(in.valueAt(0)).isEqualTo(800);
        assertThat(in.isPresent(1)).isFalse();
        assertThat(in.valueAt(2)).isEqualTo(2400);
    }

    @Test
    void an_error_envelope_is_an_illegal_argument_carrying_the_error_maps_words() {
        assertThatThrownBy(() -> QingCloudTrafficSource.bodyReader(CALL)
                .apply(bytes("{\"ret_code\":2100,\"message\":\"ResourceNotFound\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not know access point waif-1")
                .hasMessageContaining("ret_code 2100");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
