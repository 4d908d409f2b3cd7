package dev.trafficlens.domain.model;

import java.util.List;
import java.util.Objects;

/** The vendor's own figures for the window of one call (Zenlayer's are per day, Tencent MNA's per call). */
public record VendorSummary(TimeWindow window, List<VendorFigure> figures) {

    public VendorSummary {
        Objects.requireNonNull(window, "window");
        figures = List.copyOf(figures);
    }
}
