package dev.trafficlens.adapters.tencentmna;

import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import java.util.List;

/** What one request yielded: the series of its metric over the call's window, and the vendor's summary figures. */
record MetricReading(TrafficSeries series, List<VendorFigure> figures) {

    MetricReading {
        figures = List.copyOf(figures);
    }
}
