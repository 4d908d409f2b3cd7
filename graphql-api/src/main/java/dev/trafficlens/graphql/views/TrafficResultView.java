package dev.trafficlens.graphql.views;

import dev.trafficlens.domain.port.in.TrafficResult;
import dev.trafficlens.graphql.generated.types.VendorFigure;
import dev.trafficlens.graphql.generated.types.VendorSummary;
import dev.trafficlens.graphql.generated.types.Warning;
import java.time.Instant;
import java.util.List;

/** GraphQL's {@code TrafficResult}; {@code series} and {@code billing95} are resolved by {@code SeriesDataFetcher}. */
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

    public dev.trafficlens.graphql.generated.types.Provenance provenance() {
        return LinkViews.of(result.provenance());
    }

    public List<Warning> warnings() {
        return result.warnings().stream().map(Warnings::of).toList();
    }

    public List<VendorSummary> vendorSummaries() {
        return result.vendorSummaries().stream().map(summary -> VendorSummary.newBuilder()
                .from(summary.window().from())
                .to(summary.window().to())
                .figures(summary.figures().stream().map(figure -> VendorFigure.newBuilder()
                        .name(figure.name())
                        .direction(figure.metric().direction())
                        .quantity(figure.metric().quantity())
                        .value(figure.value())
                        .unit(figure.unit())
                        .build()).toList())
                .build()).toList();
    }
}
