package dev.trafficlens.graphql;

import dev.trafficlens.domain.model.Source;
import java.util.Set;

/** Which sources this service can answer for (an adapter with credentials was wired), for {@code Query.sources}. */
public record SourceCatalog(Set<Source> configured) {

    public SourceCatalog {
        configured = Set.copyOf(configured);
    }

    public boolean isConfigured(Source source) {
        return configured.contains(source);
    }
}
