package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.model.VendorFigure;
import java.util.List;
import java.util.Optional;

/**
 * What a vendor returned for one call: a series per requested metric at the call's step (missing samples as NaN),
 * and the summary figures the vendor computed itself, if it sends any.
 */
public record SourceAnswer(List<TrafficSeries> series, List<VendorFigure> vendorFigures) {

    public SourceAnswer {
        series = List.copyOf(series);
        vendorFigures = List.copyOf(vendorFigures);
    }

    public static SourceAnswer of(TrafficSeries... series) {
        return new SourceAnswer(List.of(series), List.of());
    }

    public Optional<TrafficSeries> series(Metric metric) {
        return series.stream().filter(each -> each.metric().equals(metric)).findFirst();
    }
}
