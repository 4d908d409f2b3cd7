package dev.trafficlens.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A resource trafficlens collects on a schedule and bills: a named {@link ResourceRef} with tags to group it by,
 * how far its samples are stored ({@code collectedThrough}, empty before its first collection) and why its last
 * collection failed, if it did.
 */
public record Link(
        String id,
        String name,
        ResourceRef resource,
        Set<String> tags,
        Instant createdAt,
        Optional<Instant> collectedThrough,
        Optional<String> lastError) {

    public Link {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        tags = Set.copyOf(tags);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(collectedThrough, "collectedThrough");
        Objects.requireNonNull(lastError, "lastError");
    }

    public Source source() {
        return resource.source();
    }
}
