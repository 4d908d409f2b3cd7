package dev.trafficlens.sandbox.qingcloud;

import dev.trafficlens.sandbox.TrafficModel;
import dev.trafficlens.sandbox.TrafficModel.Direction;
import dev.trafficlens.sandbox.qingcloud.WanMonitorQuery.Meter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The {@code [in, out]} samples of one meter at the call's step, from the five-minute {@link TrafficModel}, in
 * QingCloud's units: {@code traffic} bytes/s, {@code flow} bytes per step, {@code pps} packets/s. A one-minute step
 * repeats the rate of the five-minute slot it lies in; a coarser step averages the five-minute slots that have a
 * sample (and sums the bytes of {@code flow}), and is a gap only when all of them are.
 */
final class WanSamples {

    private static final long FIVE_MINUTES = TrafficModel.SLOT_SECONDS;

    private WanSamples() {
    }

    /**
     * One {@code {in, out}} per slot from {@code firstSlot}, {@code null} for a slot without a sample: a gap of the
     * model, or a five-minute slot {@code omitted} says has none.
     */
    static List<double[]> of(TrafficModel traffic, String resource, Meter meter, long stepSeconds, long firstSlot,
                             int slots, LongPredicate omitted) {
        List<double[]> samples = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            long slot = firstSlot + i * stepSeconds;
            samples.add(stepSeconds <= FIVE_MINUTES
                    ? fine(traffic, resource, meter, stepSeconds, Math.floorDiv(slot, FIVE_MINUTES) * FIVE_MINUTES,
                            omitted)
                    : coarse(traffic, resource, meter, stepSeconds, slot, omitted));
        }
        return samples;
    }

    private static double[] fine(TrafficModel traffic, String resource, Meter meter, long stepSeconds, long fiveMinute,
                                 LongPredicate omitted) {
        if (traffic.isGap(resource, fiveMinute) || omitted.test(fiveMinute)) {
            return null;
        }
        double[] pair = new double[2];
        for (Direction direction : Direction.values()) {
            double bitsPerSecond = traffic.bitsPerSecond(resource, direction, fiveMinute);
            pair[direction.ordinal()] = switch (meter) {
                case TRAFFIC -> bitsPerSecond / 8;
                case FLOW -> stepSeconds == FIVE_MINUTES
                        ? traffic.bytesInSlot(resource, direction, fiveMinute)
                        : bitsPerSecond * stepSeconds / 8;
                case PPS -> traffic.packetsPerSecond(resource, direction, fiveMinute);
            };
        }
        return pair;
    }

    private static double[] coarse(TrafficModel traffic, String resource, Meter meter, long stepSeconds, long slot,
                                   LongPredicate omitted) {
        double[] sums = new double[2];
        int present = 0;
        for (long fiveMinute = slot; fiveMinute < slot + stepSeconds; fiveMinute += FIVE_MINUTES) {
            if (traffic.isGap(resource, fiveMinute) || omitted.test(fiveMinute)) {
                continue;
            }
            present++;
            for (Direction direction : Direction.values()) {
                sums[direction.ordinal()] += switch (meter) {
                    case TRAFFIC -> traffic.bitsPerSecond(resource, direction, fiveMinute);
                    case FLOW -> traffic.bytesInSlot(resource, direction, fiveMinute);
                    case PPS -> traffic.packetsPerSecond(resource, direction, fiveMinute);
                };
            }
        }
        if (present == 0) {
            return null;
        }
        for (int d = 0; d < 2; d++) {
            sums[d] = switch (meter) {
                case TRAFFIC -> sums[d] / present / 8;
                case FLOW -> sums[d];
                case PPS -> sums[d] / present;
            };
        }
        return sums;
    }
}
