package dev.trafficlens.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic, realistic traffic for any resource id and any time: a pure function, so the same request always
 * gets the same answer and tests can assert exact statistics. Each resource has its own level (1 Mbit/s to
 * 2 Gbit/s), a daily curve peaking in the evening (UTC), quieter weekends, short bursts, noise, and gaps: about 1 %
 * of five-minute slots carry no sample. Rates are whole bit/s on the five-minute grid; coarser steps are derived.
 */
public final class TrafficModel {

    /** The grid every vendor samples on. */
    public static final long SLOT_SECONDS = 300;

    /** Inbound or outbound, seen from the customer's side; outbound runs at about a third of inbound. */
    public enum Direction { IN, OUT }

    /** Whether the five-minute slot starting at {@code slotStart} (epoch seconds) has no sample. */
    public boolean isGap(String resourceId, long slotStart) {
        return unit(mix(seed(resourceId), slotIndex(slotStart), 0x6A09E667L)) < 0.01;
    }

    /** The average bit rate of the five-minute slot starting at {@code slotStart}; NaN for a gap. */
    public double bitsPerSecond(String resourceId, Direction direction, long slotStart) {
        if (isGap(resourceId, slotStart)) {
            return Double.NaN;
        }
        long seed = seed(resourceId);
        long slot = slotIndex(slotStart);
        double level = 1e6 * Math.pow(2000, unit(mix(seed, 0, 0x3C6EF372L)));
        double hourOfDay = Math.floorMod(slotStart, 86_400L) / 3600.0;
        double daily = 0.55 + 0.45 * Math.sin(2 * Math.PI * (hourOfDay - 14) / 24);
        long dayOfWeek = Math.floorMod(Math.floorDiv(slotStart, 86_400L) + 3, 7); // 1970-01-01 was a Thursday
        double weekly = dayOfWeek >= 5 ? 0.7 : 1.0;
        double burst = unit(mix(seed, slot / 3, 0xA54FF53AL)) < 0.02 ? 2.5 : 1.0;
        long directionSalt = direction == Direction.IN ? 0x510E527FL : 0x9B05688CL;
        double noise = 0.85 + 0.3 * unit(mix(seed, slot, directionSalt));
        double share = direction == Direction.IN ? 1.0 : 0.3 + 0.1 * unit(mix(seed, 1, 0x1F83D9ABL));
        return Math.rint(level * daily * weekly * burst * noise * share);
    }

    /** Bytes moved in the five-minute slot: the rate held for 300 s; 0 for a gap (no sample, no bytes counted). */
    public double bytesInSlot(String resourceId, Direction direction, long slotStart) {
        double rate = bitsPerSecond(resourceId, direction, slotStart);
        return Double.isNaN(rate) ? 0 : rate * SLOT_SECONDS / 8;
    }

    /** Packets per second of the slot, from an average packet size of 800 bytes; NaN for a gap. */
    public double packetsPerSecond(String resourceId, Direction direction, long slotStart) {
        double rate = bitsPerSecond(resourceId, direction, slotStart);
        return Double.isNaN(rate) ? Double.NaN : Math.rint(rate / 8 / 800);
    }

    private static long slotIndex(long slotStart) {
        return Math.floorDiv(slotStart, SLOT_SECONDS);
    }

    private static long seed(String resourceId) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : resourceId.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64 over three inputs: cheap, well spread, and the same on every machine. */
    private static long mix(long a, long b, long salt) {
        long z = a * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
