package dev.trafficlens.domain.plan;

import dev.trafficlens.domain.model.Step;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;

/**
 * Turns a series into one at a coarser step. A coarse slot is missing only when every fine sample in it is; otherwise
 * it is made of the samples present. Billing percentiles belong on native 5-minute samples: averaging first biases
 * them downward (docs/billing.md), so resample for charts, not for bills.
 */
public final class Resampler {

    private Resampler() {
    }

    public static TrafficSeries resample(TrafficSeries series, Step target, ResampleMode mode) {
        Step step = series.step();
        if (target.equals(step)) {
            return series;
        }
        if (!step.divides(target)) {
            throw new IllegalArgumentException("step: a " + step + " series can only become a multiple of " + step
                    + ", got " + target);
        }
        TimeWindow window = series.window();
        if (!window.isAlignedTo(target)) {
            throw new IllegalArgumentException("window " + window + " is not on the " + target + " grid");
        }
        int ratio = (int) (target.seconds() / step.seconds());
        TrafficSeries.Builder builder = TrafficSeries.builder(series.metric(), window, target);
        for (int slot = 0, size = builder.size(); slot < size; slot++) {
            int present = 0;
            double acc = 0;
            for (int i = slot * ratio, end = i + ratio; i < end; i++) {
                double value = series.valueAt(i);
                if (value != value) {
                    continue;
                }
                if (present == 0) {
                    acc = value;
                } else {
                    acc = mode == ResampleMode.MAX ? Math.max(acc, value) : acc + value;
                }
                present++;
            }
            builder.set(slot, present == 0 ? Double.NaN : mode == ResampleMode.AVG ? acc / present : acc);
        }
        return builder.build();
    }
}
