package dev.trafficlens.domain.plan;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import java.util.Arrays;
import java.util.Collection;

/**
 * Puts the answers of several calls back together as one series over a window. Samples are placed by their aligned
 * time, so a sample two calls both return is counted once; a slot no call filled stays missing. The result does not
 * depend on the order of the chunks, and stitching a chunk twice changes nothing: in each slot the value from the
 * chunk whose window owns that time wins, the largest value breaking ties, and another chunk's value fills in only
 * where no owner had one.
 */
public final class SeriesStitcher {

    private SeriesStitcher() {
    }

    public static TrafficSeries stitch(Metric metric, TimeWindow window, Step step, Collection<Chunk> chunks) {
        int size = window.sampleCount(step);
        double[] owned = filled(size);
        // Only answers that reach past their own call's window need a second layer; most never do.
        double[] borrowed = null;
        long start = window.from().getEpochSecond();
        long seconds = step.seconds();
        for (Chunk chunk : chunks) {
            TrafficSeries series = chunk.series();
            if (!series.step().equals(step) || !series.metric().equals(metric)) {
                throw new IllegalArgumentException("chunk " + series + " does not hold " + metric + " every " + step);
            }
            long first = (series.start().getEpochSecond() - start) / seconds;
            long ownedFrom = Math.floorDiv(chunk.window().from().getEpochSecond() - start + seconds - 1, seconds);
            long ownedTo = Math.floorDiv(chunk.window().to().getEpochSecond() - start + seconds - 1, seconds);
            // The series' indexes that land in the window, [from, to), split into the part its call owns and the rest.
            int from = (int) clamp(-first, 0, series.size());
            int to = (int) clamp(size - first, from, series.size());
            int ownFrom = (int) clamp(ownedFrom - first, from, to);
            int ownTo = (int) clamp(ownedTo - first, ownFrom, to);
            if (ownFrom > from || ownTo < to) {
                borrowed = borrowed == null ? filled(size) : borrowed;
                merge(series, from, ownFrom, first, borrowed);
                merge(series, ownTo, to, first, borrowed);
            }
            merge(series, ownFrom, ownTo, first, owned);
        }
        TrafficSeries.Builder builder = TrafficSeries.builder(metric, window, step);
        for (int i = 0; i < size; i++) {
            double value = owned[i] == owned[i] || borrowed == null ? owned[i] : borrowed[i];
            if (value == value) { // the builder starts with every slot missing
                builder.set(i, value);
            }
        }
        return builder.build();
    }

    /** Merges the present values of {@code series[from, to)} into the slots they label, the larger value winning. */
    private static void merge(TrafficSeries series, int from, int to, long first, double[] slots) {
        int offset = (int) first;
        for (int i = from; i < to; i++) {
            double value = series.valueAt(i);
            if (value != value) {
                continue;
            }
            int slot = i + offset;
            double held = slots[slot];
            slots[slot] = held != held ? value : Math.max(held, value);
        }
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double[] filled(int size) {
        double[] values = new double[size];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
