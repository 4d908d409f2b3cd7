package dev.trafficlens.graphql;

import dev.trafficlens.domain.model.TrafficSeries;
import java.util.List;

/** GraphQL's {@code AggregateResult}: one summed series per metric the successful queries share, and their warnings. */
public record AggregateView(List<TrafficSeries> series, List<WarningView> warnings) {
}
