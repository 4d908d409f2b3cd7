package dev.trafficlens.adapters.tencentvpc;

import dev.trafficlens.domain.model.Metric;
import java.util.Arrays;
import java.util.Optional;

/** The two values DescribeVpnConnMonitor accepts as {@code metricName}, and the domain metric each one is. */
enum VpnMonitorMetric {
    /** Public-network inbound bit rate of the tunnel. */
    INTRAFFIC("intraffic", Metric.BITRATE_IN),
    /** Public-network outbound bit rate of the tunnel. */
    OUTTRAFFIC("outtraffic", Metric.BITRATE_OUT);

    private final String wireName;
    private final Metric metric;

    VpnMonitorMetric(String wireName, Metric metric) {
        this.wireName = wireName;
        this.metric = metric;
    }

    String wireName() {
        return wireName;
    }

    Metric metric() {
        return metric;
    }

    static Optional<VpnMonitorMetric> of(Metric metric) {
        return Arrays.stream(values()).filter(each -> each.metric.equals(metric)).findFirst();
    }
}
