package dev.trafficlens.graphql;

import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Quantity;
import java.time.Instant;
import java.util.List;

/** GraphQL's {@code TrafficResult}; {@code series} and {@code billing95} are resolved by {@link SeriesDataFetcher}. */
public record TrafficResultView(TrafficResult result) {

    public String key() {
        return result.key().orElse(null);
    }

    public String source() {
        return result.source().id();
    }

    public Instant from() {
        return result.window().from();
    }

    public Instant to() {
        return result.window().to();
    }

    public String step() {
        return result.step().label();
    }

    /** GraphQL's {@code VendorSummary}. */
    public record VendorSummaryView(Instant from, Instant to, List<VendorFigureView> figures) {
    }

    /** GraphQL's {@code VendorFigure}. */
    public record VendorFigureView(String name, Direction direction, Quantity quantity, double value, String unit) {
    }

    public List<WarningView> warnings() {
        return result.warnings().stream().map(WarningView::of).toList();
    }

    public List<VendorSummaryView> vendorSummaries() {
        return result.vendorSummaries().stream().map(summary -> new VendorSummaryView(
                summary.window().from(), summary.window().to(), summary.figures().stream()
                .map(figure -> new VendorFigureView(figure.name(), figure.metric().direction(),
                        figure.metric().quantity(), figure.value(), figure.unit()))
                .toList())).toList();
    }
}
