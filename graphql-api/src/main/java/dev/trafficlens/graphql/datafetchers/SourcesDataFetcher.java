package dev.trafficlens.graphql.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import dev.trafficlens.domain.model.Step;
import dev.trafficlens.graphql.config.SourceCatalog;
import dev.trafficlens.graphql.generated.DgsConstants.QUERY;
import dev.trafficlens.graphql.generated.types.MetricInfo;
import dev.trafficlens.graphql.generated.types.Source;
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

    @DgsQuery(field = QUERY.Sources)
    public List<Source> sources() {
        return Arrays.stream(dev.trafficlens.domain.model.Source.values()).map(this::source).toList();
    }

    private Source source(dev.trafficlens.domain.model.Source source) {
        var limits = source.limits();
        return Source.newBuilder()
                .id(source.id())
                .vendor(source.vendor())
                .api(source.api())
                .configured(catalog.isConfigured(source))
                .mode(catalog.mode(source))
                .rateLimitPerSecond(catalog.rateLimit(source).perSecond())
                .rateLimitDocumented(catalog.rateLimit(source).documented())
                .maxConcurrentCalls(catalog.maxConcurrentCalls(source))
                .nativeSteps(limits.nativeSteps().stream().sorted().map(Step::label).toList())
                .defaultStep(limits.defaultStep().label())
                .maxSpanPerCallSeconds((int) limits.maxSpanPerCall().toSeconds())
                .retentionDays(limits.retention().map(retention -> (int) retention.toDays()).orElse(null))
                .metrics(limits.offeredMetrics().stream()
                        .map(metric -> MetricInfo.newBuilder()
                                .direction(metric.direction())
                                .quantity(metric.quantity())
                                .unit(metric.unit())
                                .derived(limits.derivation(metric).isPresent())
                                .build())
                        .toList())
                .build();
    }
}
