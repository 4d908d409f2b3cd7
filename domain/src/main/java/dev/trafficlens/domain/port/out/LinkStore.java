package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.Link;
import dev.trafficlens.domain.model.ResourceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The links trafficlens is told to collect, kept beside the archive so every replica sees the same ones. Throws
 * {@link ArchiveUnavailableException} when its store cannot be reached.
 */
public interface LinkStore {

    /** Every link, oldest first. */
    List<Link> all();

    Optional<Link> byId(String id);

    Optional<Link> byResource(ResourceRef resource);

    /**
     * Adds a link for {@code resource}, or returns the link that already holds that resource (left) without
     * changing it.
     */
    io.vavr.control.Either<Link, Link> add(String name, ResourceRef resource, Set<String> tags, Instant createdAt);

    /** Renames or retags a link; an empty option leaves that field as it is. Empty when no such link. */
    Optional<Link> update(String id, Optional<String> name, Optional<Set<String>> tags);

    /** Removes a link; false when there was none. */
    boolean remove(String id);

    /** Records that every sample of the link up to {@code through} is stored, and clears its last error. */
    void markCollected(String id, Instant through);

    /** Records why the link's last collection failed; its watermark stays where it was. */
    void markFailed(String id, String error);
}
