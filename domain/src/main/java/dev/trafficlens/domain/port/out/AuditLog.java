package dev.trafficlens.domain.port.out;

import dev.trafficlens.domain.model.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who changed what and how it ended, kept beside the archive so every replica writes to and reads the same log.
 * Entries are only ever added. Throws {@link ArchiveUnavailableException} when its store cannot be reached.
 */
public interface AuditLog {

    /** Keeps {@code entry}; entries recorded concurrently are all kept. */
    void record(AuditEntry entry);

    /**
     * At most {@code limit} entries with {@code from <= at < to}, newest first (entries of the same instant: the one
     * recorded last first). An empty bound leaves that side open: both empty is the newest {@code limit} entries.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    List<AuditEntry> entries(Optional<Instant> from, Optional<Instant> to, int limit);
}
