package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.domain.model.Metric;
import java.util.Arrays;
import java.util.Optional;

/** The API's {@code Type} parameter: which direction one request reads, as the metric trafficlens names it. */
enum TrafficType {
    UPLINK(1, Metric.VOLUME_OUT),
    DOWNLINK(2, Metric.VOLUME_IN),
    SUM(3, Metric.VOLUME_TOTAL);

    private final int code;
    private final Metric metric;

    TrafficType(int code, Metric metric) {
        this.code = code;
        this.metric = metric;
    }

    int code() {
        return code;
    }

    Metric metric() {
        return metric;
    }

    static Optional<TrafficType> of(Metric metric) {
        return Arrays.stream(values()).filter(type -> type.metric.equals(metric)).findFirst();
    }
}
