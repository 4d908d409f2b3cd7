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
        double[] borrowed = filled(size);
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
            for (int i = 0, n = series.size(); i < n; i++) {
                long slot = first + i;
                double value = series.valueAt(i);
                if (slot < 0 || slot >= size || value != value) {
                    continue;
                }
                double[] target = slot >= ownedFrom && slot < ownedTo ? owned : borrowed;
                int index = (int) slot;
                target[index] = target[index] != target[index] ? value : Math.max(target[index], value);
            }
        }
        TrafficSeries.Builder builder = TrafficSeries.builder(metric, window, step);
        for (int i = 0; i < size; i++) {
            builder.set(i, owned[i] == owned[i] ? owned[i] : borrowed[i]);
        }
        return builder.build();
    }

    private static double[] filled(int size) {
        double[] values = new double[size];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
