package dev.trafficlens.domain.billing;

import java.util.Arrays;
import java.util.Objects;

/**
 * One link's 5-minute samples over one billing period, inbound and outbound, NaN where missing: bit rates (bit/s) and
 * the bytes each slot carried. A source that reports bit rates gives bytes as rate × 300 s ÷ 8; a source that reports
 * volumes (Tencent MNA) gives bit rates as bytes × 8 ÷ 300 s, the derived rate its queries report, and its bytes as
 * reported. The arrays are the caller's and are not copied: a period of a link is read, added and dropped.
 */
public final class LinkSamples {

    static final double SLOT_SECONDS = 300;
    private static final double BITS_PER_BYTE = 8;

    private final double[] inBps;
    private final double[] outBps;
    private final double[] inBytes;
    private final double[] outBytes;

    private LinkSamples(double[] inBps, double[] outBps, double[] inBytes, double[] outBytes) {
        this.inBps = Objects.requireNonNull(inBps, "inBps");
        this.outBps = Objects.requireNonNull(outBps, "outBps");
        this.inBytes = inBytes;
        this.outBytes = outBytes;
        if (inBps.length != outBps.length) {
            throw new IllegalArgumentException("expected in and out over the same slots, got " + inBps.length + " and "
                    + outBps.length);
        }
    }

    /** Bit rates per slot; bytes follow from them. */
    public static LinkSamples ofBitRates(double[] inBps, double[] outBps) {
        return new LinkSamples(inBps, outBps, null, null);
    }

    /** Bytes per slot, as a volume source reports them; bit rates follow from them. */
    public static LinkSamples ofVolumes(double[] inBytes, double[] outBytes) {
        Objects.requireNonNull(inBytes, "inBytes");
        Objects.requireNonNull(outBytes, "outBytes");
        return new LinkSamples(rates(inBytes), rates(outBytes), inBytes, outBytes);
    }

    /** No sample in any of {@code slots}: a link nothing is known about (removed, or never collected). */
    public static LinkSamples missing(int slots) {
        double[] none = new double[slots];
        Arrays.fill(none, Double.NaN);
        return new LinkSamples(none, none, null, null);
    }

    public int slots() {
        return inBps.length;
    }

    double[] inBps() {
        return inBps;
    }

    double[] outBps() {
        return outBps;
    }

    /** Bytes in and out over the present samples of {@code [0, slots)}, each direction's own. */
    double bytes(int slots) {
        return bytes(inBytes, inBps, slots) + bytes(outBytes, outBps, slots);
    }

    private static double bytes(double[] volumes, double[] rates, int slots) {
        double sum = 0;
        for (int i = 0; i < slots; i++) {
            double value = volumes != null ? volumes[i] : rates[i] * SLOT_SECONDS / BITS_PER_BYTE;
            if (value == value) {
                sum += value;
            }
        }
        return sum;
    }

    private static double[] rates(double[] volumes) {
        double[] rates = new double[volumes.length];
        for (int i = 0; i < volumes.length; i++) {
            rates[i] = volumes[i] * BITS_PER_BYTE / SLOT_SECONDS; // NaN stays NaN: a gap stays a gap
        }
        return rates;
    }
}
