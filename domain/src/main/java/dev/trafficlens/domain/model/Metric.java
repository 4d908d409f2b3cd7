package dev.trafficlens.domain.model;

import java.util.Objects;
import java.util.Optional;

/** A direction of a quantity, such as inbound bit rate: what one series measures. */
public record Metric(Direction direction, Quantity quantity) {

    public static final Metric BITRATE_IN = new Metric(Direction.IN, Quantity.BITRATE);
    public static final Metric BITRATE_OUT = new Metric(Direction.OUT, Quantity.BITRATE);
    public static final Metric BITRATE_TOTAL = new Metric(Direction.TOTAL, Quantity.BITRATE);
    public static final Metric PACKET_RATE_IN = new Metric(Direction.IN, Quantity.PACKET_RATE);
    public static final Metric PACKET_RATE_OUT = new Metric(Direction.OUT, Quantity.PACKET_RATE);
    public static final Metric VOLUME_IN = new Metric(Direction.IN, Quantity.VOLUME);
    public static final Metric VOLUME_OUT = new Metric(Direction.OUT, Quantity.VOLUME);
    public static final Metric VOLUME_TOTAL = new Metric(Direction.TOTAL, Quantity.VOLUME);

    public Metric {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(quantity, "quantity");
    }

    public static Metric of(Direction direction, Quantity quantity) {
        return new Metric(direction, quantity);
    }

    /** Whether this metric passes a filter by direction and quantity; an empty side matches every value. */
    public boolean matches(Optional<Direction> wantedDirection, Optional<Quantity> wantedQuantity) {
        return wantedDirection.map(wanted -> direction == wanted).orElse(true)
                && wantedQuantity.map(wanted -> quantity == wanted).orElse(true);
    }

    /** The unit of this metric's values: "bps", "pps" or "B". */
    public String unit() {
        return quantity.unit();
    }

    @Override
    public String toString() {
        return quantity + "_" + direction;
    }
}
