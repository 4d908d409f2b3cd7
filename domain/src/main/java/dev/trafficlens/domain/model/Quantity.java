package dev.trafficlens.domain.model;

/** What a series measures, with the unit its values are always expressed in. */
public enum Quantity {
    /** Average bit rate over each step, in bit/s. */
    BITRATE("bps", "B"),
    /** Average packet rate over each step, in packets/s. */
    PACKET_RATE("pps", "packets"),
    /** Bytes transferred during each step. */
    VOLUME("B", "B");

    private final String unit;
    private final String totalUnit;

    Quantity(String unit, String totalUnit) {
        this.unit = unit;
        this.totalUnit = totalUnit;
    }

    /** The unit of each value: "bps", "pps" or "B". */
    public String unit() {
        return unit;
    }

    /** The unit of {@link #totalOf(double, long)}: bytes for bit rates and volumes, packets for packet rates. */
    public String totalUnit() {
        return totalUnit;
    }

    /** Whether values are rates (averaged when resampled) rather than amounts (summed). */
    public boolean isRate() {
        return this != VOLUME;
    }

    /**
     * What one value amounts to over its step: a bit rate held for {@code stepSeconds} moves {@code v·s/8} bytes,
     * a packet rate {@code v·s} packets, and a volume is already an amount.
     */
    public double totalOf(double value, long stepSeconds) {
        return switch (this) {
            case BITRATE -> value * stepSeconds / 8.0;
            case PACKET_RATE -> value * stepSeconds;
            case VOLUME -> value;
        };
    }
}
