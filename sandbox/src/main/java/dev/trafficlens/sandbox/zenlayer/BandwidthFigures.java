package dev.trafficlens.sandbox.zenlayer;

import java.util.Arrays;

/**
 * Zenlayer's summary of one direction over the points it sent: the 95th percentile by nearest rank (the value of rank
 * ceil(0.95·N) in ascending order, N = points present), the mean rounded half up to a whole bit/s, the maximum, the
 * minimum, and the total in bytes (each point's rate held for its 300 s, divided by 8, rounded down). Zero for all
 * when no point was sent.
 */
record BandwidthFigures(long p95, long avg, long max, long min, long totalBytes) {

    static final long SLOT_SECONDS = 300;

    static BandwidthFigures of(long[] rates) {
        int n = rates.length;
        if (n == 0) {
            return new BandwidthFigures(0, 0, 0, 0, 0);
        }
        long[] sorted = rates.clone();
        Arrays.sort(sorted);
        int rank = (int) ((95L * n + 99) / 100); // ceil(0.95·N) in integers: no floating-point surprise at 0.95·20
        long sum = 0;
        for (long rate : sorted) {
            sum += rate;
        }
        long avg = (2 * sum + n) / (2L * n);
        return new BandwidthFigures(sorted[rank - 1], avg, sorted[n - 1], sorted[0], sum * SLOT_SECONDS / 8);
    }
}
