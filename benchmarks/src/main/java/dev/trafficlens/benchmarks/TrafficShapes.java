package dev.trafficlens.benchmarks;

import java.util.SplittableRandom;

/**
 * Seeded traffic-shaped values for every benchmark: bit rates that rise and fall over each day around a peak, with
 * multiplicative noise, whole kbit/s values, repeated readings and an exact share of missing slots (NaN).
 */
public final class TrafficShapes {

    /** Five-minute samples in a day. */
    public static final int SAMPLES_PER_DAY = 288;
    /** Share of slots left missing, as vendors leave them. */
    public static final double MISSING_SHARE = 0.02;
    // Counters that did not tick between two polls repeat the last reading: the usual source of exact duplicates.
    private static final double REPEATED_READING_SHARE = 0.05;

    private TrafficShapes() {
    }

    /**
     * {@code size} five-minute bit rates in bit/s around {@code dailyPeak}, exactly {@link #MISSING_SHARE} of them
     * missing (NaN); the same seed gives the same values.
     */
    public static double[] bitrates(int size, double dailyPeak, SplittableRandom random) {
        double[] bitrates = new double[size];
        for (int i = 0; i < size; i++) {
            if (i > 0 && random.nextDouble() < REPEATED_READING_SHARE) {
                bitrates[i] = bitrates[i - 1];
                continue;
            }
            double timeOfDay = 2 * Math.PI * (i % SAMPLES_PER_DAY) / SAMPLES_PER_DAY;
            double dailyShape = 0.55 + 0.45 * Math.sin(timeOfDay - Math.PI / 2);
            double noise = Math.exp(0.3 * random.nextGaussian());
            bitrates[i] = Math.max(1e6, Math.rint(dailyPeak * dailyShape * noise / 1e3) * 1e3);
        }
        // An exact count, so every size misses the same share; collisions are redrawn rather than counted twice.
        int missing = (int) Math.round(size * MISSING_SHARE);
        while (missing > 0) {
            int slot = random.nextInt(size);
            if (!Double.isNaN(bitrates[slot])) {
                bitrates[slot] = Double.NaN;
                missing--;
            }
        }
        return bitrates;
    }

    /**
     * An outbound companion of {@code inbound}: its own values around {@code dailyPeak}, missing exactly where the
     * inbound is, because a vendor sends both directions of an interval together or neither.
     */
    public static double[] outboundOf(double[] inbound, double dailyPeak, SplittableRandom random) {
        double[] outbound = bitrates(inbound.length, dailyPeak, random);
        for (int i = 0; i < inbound.length; i++) {
            boolean inboundMissing = Double.isNaN(inbound[i]);
            if (inboundMissing != Double.isNaN(outbound[i])) {
                outbound[i] = inboundMissing ? Double.NaN : Math.rint(inbound[i] * 0.3 / 1e3) * 1e3;
            }
        }
        return outbound;
    }
}
