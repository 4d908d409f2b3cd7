package dev.trafficlens.domain.fake;

import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.port.out.LinkStore;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The {@link LinkStore} contract in memory; ids are {@code link-1}, {@code link-2}, … in the order links are added. */
public final class InMemoryLinkStore implements LinkStore {

    private final Map<String, Link> links = new LinkedHashMap<>();
    private final List<String> collectedCalls = new ArrayList<>();
    private volatile Consumer<String> beforeMarkingCollected = id -> { };

    /** Runs {@code hook} with the link's id before each watermark move; a hook that throws stops the move. */
    public InMemoryLinkStore beforeMarkingCollected(Consumer<String> hook) {
        this.beforeMarkingCollected = hook;
        return this;
    }

    @Override
    public synchronized List<Link> all() {
        return List.copyOf(links.values());
    }

    @Override
    public synchronized Optional<Link> byId(String id) {
        return Optional.ofNullable(links.get(id));
    }

    @Override
    public synchronized Optional<Link> byResource(ResourceRef resource) {
        return links.values().stream().filter(link -> link.resource().equals(resource)).findFirst();
    }

    @Override
    public synchronized Either<Link, Link> add(String name, ResourceRef resource, Set<String> tags, Instant createdAt) {
        Optional<Link> existing = byResource(resource);
        if (existing.isPresent()) {
            return Either.left(existing.get());
        }
        Link link = new Link("link-" + (links.size() + 1), name, resource, tags, createdAt, Optional.empty(),
                Optional.empty());
        links.put(link.id(), link);
        return Either.right(link);
    }

    @Override
    public synchronized Optional<Link> update(String id, Optional<String> name, Optional<Set<String>> tags) {
        return byId(id).map(link -> replace(new Link(link.id(), name.orElse(link.name()), link.resource(),
                tags.orElse(link.tags()), link.createdAt(), link.collectedThrough(), link.lastError())));
    }

    @Override
    public synchronized boolean remove(String id) {
        return links.remove(id) != null;
    }

    @Override
    public void markCollected(String id, Instant through) {
        beforeMarkingCollected.accept(id);
        synchronized (this) {
            collectedCalls.add(id + "@" + through);
            byId(id).ifPresent(link -> replace(new Link(link.id(), link.name(), link.resource(), link.tags(),
                    link.createdAt(), Optional.of(through), Optional.empty())));
        }
    }

    @Override
    public synchronized void markFailed(String id, String error) {
        byId(id).ifPresent(link -> replace(new Link(link.id(), link.name(), link.resource(), link.tags(),
                link.createdAt(), link.collectedThrough(), Optional.of(error))));
    }

    /** Each watermark move, as {@code id@through}, in order. */
    public synchronized List<String> collectedCalls() {
        return List.copyOf(collectedCalls);
    }

    private Link replace(Link link) {
        links.put(link.id(), link);
        return link;
    }
}
