package dev.trafficlens.graphql.views;

import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.QueryProblem;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.graphql.generated.types.Warning;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GraphQL's {@code AggregateResult}.
 *
 * @param series   one summed series per metric the successful queries share
 * @param derived  the metrics summed from at least one derived series
 * @param refused  metrics a query's step cannot give (Tencent MNA's bit rate at 1h), each with the first such query's
 *                 problem, already placed under {@code queries[i]}; they are not summed
 * @param leftOut  the refused metrics other queries did have, whose sum would have been missing a link
 * @param warnings the summed queries' warnings, each message starting with {@code queries[i]: }
 */
public record AggregateView(
        List<TrafficSeries> series, Set<Metric> derived, Map<Metric, QueryProblem> refused, Set<Metric> leftOut,
        List<Warning> warnings) {

    public AggregateView {
        series = List.copyOf(series);
        derived = Set.copyOf(derived);
        refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        leftOut = Set.copyOf(leftOut);
        warnings = List.copyOf(warnings);
    }
}
