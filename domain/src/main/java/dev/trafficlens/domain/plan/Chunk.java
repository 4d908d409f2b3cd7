package dev.trafficlens.domain.plan;

import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import java.util.Objects;

/**
 * One call's answer for one metric, with the window the call asked for. The window decides who owns a boundary
 * sample: a vendor may answer with a sample at the call's end, which belongs to the next call.
 */
public record Chunk(TimeWindow window, TrafficSeries series) {

    public Chunk {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(series, "series");
    }
}
