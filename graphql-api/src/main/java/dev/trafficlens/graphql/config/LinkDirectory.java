package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.Metric;
import dev.trafficlens.domain.model.ResourceRef;
import dev.trafficlens.domain.model.TimeWindow;
import dev.trafficlens.domain.model.TrafficSeries;
import dev.trafficlens.domain.port.in.CollectionRun;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.port.out.SampleArchive;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the links API may do with the archive's links, so that data fetchers stay off the outbound ports: each call
 * throws {@link ArchiveUnavailable} with {@code ARCHIVE_DISABLED} when {@code trafficlens.archive.enabled=false}, or
 * {@code ARCHIVE_UNAVAILABLE} (with the archive's own message, never the driver's) when its database does not answer.
 */
public final class LinkDirectory {

    /** Why links answer nothing when the archive is off. */
    public static final String ARCHIVE_OFF =
            "links are kept in the archive, which is off (trafficlens.archive.enabled=false)";

    private final Optional<LinkStore> links;
    private final Optional<SampleArchive> archive;
    private final Optional<CollectorRuns> collector;

    LinkDirectory(Optional<LinkStore> links, Optional<SampleArchive> archive, Optional<CollectorRuns> collector) {
        this.links = links;
        this.archive = archive;
        this.collector = collector;
    }

    public List<Link> all() {
        return guarded(() -> store().all());
    }

    public Optional<Link> byId(String id) {
        return guarded(() -> store().byId(id));
    }

    /** The new link (right), or the link that already holds the resource (left). */
    public Either<Link, Link> add(String name, ResourceRef resource, Set<String> tags, Instant createdAt) {
        return guarded(() -> store().add(name, resource, tags, createdAt));
    }

    public Optional<Link> update(String id, Optional<String> name, Optional<Set<String>> tags) {
        return guarded(() -> store().update(id, name, tags));
    }

    /** Removes the link, and its archived samples when asked; false when there was none. */
    public boolean remove(String id, boolean purgeSamples) {
        return guarded(() -> {
            Optional<Link> link = store().byId(id);
            if (link.isEmpty() || !store().remove(id)) {
                return false;
            }
            if (purgeSamples) {
                archive.orElseThrow().purge(link.get().resource());
            }
            return true;
        });
    }

    /**
     * The link's archived samples of {@code metrics} over {@code window} on the 5-minute grid, NaN where there is
     * none; read from the archive only, never from a vendor.
     */
    public Map<Metric, TrafficSeries> archivedSamples(Link link, Set<Metric> metrics, TimeWindow window) {
        return guarded(() -> {
            store();
            return archive.orElseThrow().read(link.resource(), metrics, window);
        });
    }

    public CollectionRun collect(Optional<Set<String>> linkIds) {
        return guarded(() -> {
            store();
            return collector.orElseThrow().collect(linkIds);
        });
    }

    private LinkStore store() {
        return links.orElseThrow(() -> ArchiveUnavailable.disabled(ARCHIVE_OFF));
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (ArchiveUnavailableException unavailable) {
            throw ArchiveUnavailable.unreachable(unavailable.getMessage());
        }
    }
}
