package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.model.RateLimit;
import dev.trafficlens.domain.model.Source;
import dev.trafficlens.domain.service.QuerySettings;
import dev.trafficlens.graphql.generated.types.SourceMode;
import java.util.Map;

/**
 * What this service can answer for each source, for {@code Query.sources}: its mode (sandbox, live or not
 * configured) and the limits the service keeps to when calling it.
 */
public record SourceCatalog(Map<Source, SourceMode> modes, QuerySettings settings) {

    public SourceCatalog {
        modes = Map.copyOf(modes);
    }

    public SourceMode mode(Source source) {
        return modes.getOrDefault(source, SourceMode.NOT_CONFIGURED);
    }

    public boolean isConfigured(Source source) {
        return mode(source) != SourceMode.NOT_CONFIGURED;
    }

    public RateLimit rateLimit(Source source) {
        return settings.rateLimitOf(source);
    }

    public int maxConcurrentCalls(Source source) {
        return settings.maxConcurrentCallsOf(source);
    }
}
