package dev.trafficlens.adapters.qingcloud;

import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Quantity;
import java.util.Arrays;
import java.util.Optional;

/** The GetWanMonitor meters, each an {@code [in, out]} pair, and how their values become the domain's units. */
enum QingCloudMeter {

    /** Bytes per second; the domain counts bits. */
    TRAFFIC("traffic", Quantity.BITRATE, 8),
    /** Bytes moved during each step. */
    FLOW("flow", Quantity.VOLUME, 1),
    /** Packets per second. */
    PPS("pps", Quantity.PACKET_RATE, 1);

    private final String id;
    private final Quantity quantity;
    private final double toDomainUnit;

    QingCloudMeter(String id, Quantity quantity, double toDomainUnit) {
        this.id = id;
        this.quantity = quantity;
        this.toDomainUnit = toDomainUnit;
    }

    /** The vendor's {@code meter_id}. */
    String id() {
        return id;
    }

    double toDomainUnit(double vendorValue) {
        return vendorValue * toDomainUnit;
    }

    /** The meter that measures {@code metric}, if GetWanMonitor has one (it has no totals). */
    static Optional<QingCloudMeter> measuring(Metric metric) {
        if (metric.direction() == Direction.TOTAL) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(meter -> meter.quantity == metric.quantity()).findFirst();
    }
}
