package dev.trafficlens.graphql;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import dev.trafficlens.domain.model.Direction;
import dev.trafficlens.domain.model.Quantity;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.model.Step;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves {@code Query.sources}: every source, its limits as the domain states them, its mode, and the rate and
 * concurrency this service keeps to when calling it.
 */
@DgsComponent
public class SourcesDataFetcher {

    private final SourceCatalog catalog;

    public SourcesDataFetcher(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** GraphQL's {@code Source}. */
    public record SourceView(String id, String vendor, String api, boolean configured, SourceMode mode,
                             double rateLimitPerSecond, boolean rateLimitDocumented, int maxConcurrentCalls,
                             List<String> nativeSteps,
                             String defaultStep, int maxSpanPerCallSeconds, Integer retentionDays,
                             List<MetricView> metrics) {
    }

    /** GraphQL's {@code MetricInfo}. */
    public record MetricView(Direction direction, Quantity quantity, String unit, boolean derived) {
    }

    @DgsQuery
    public List<SourceView> sources() {
        return Arrays.stream(Source.values()).map(source -> new SourceView(
                source.id(), source.vendor(), source.api(), catalog.isConfigured(source), catalog.mode(source),
                catalog.rateLimit(source).perSecond(), catalog.rateLimit(source).documented(),
                catalog.maxConcurrentCalls(source),
                source.limits().nativeSteps().stream().sorted().map(Step::label).toList(),
                source.limits().defaultStep().label(),
                (int) source.limits().maxSpanPerCall().toSeconds(),
                source.limits().retention().map(retention -> (int) retention.toDays()).orElse(null),
                source.limits().offeredMetrics().stream()
                        .map(metric -> new MetricView(metric.direction(), metric.quantity(), metric.unit(),
                                source.limits().derivation(metric).isPresent()))
                        .toList())).toList();
    }
}
