package dev.trafficlens.domain.fake;

import dev.trafficlens.domain.model.AuditEntry;
import dev.trafficlens.domain.port.out.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The {@link AuditLog} contract in memory. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> entries(Optional<Instant> from, Optional<Instant> to, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: expected at least 1, got " + limit);
        }
        List<AuditEntry> newestFirst = new ArrayList<>();
        // Walking backwards puts the later of two entries of one instant first; the stable sort keeps it there.
        for (int i = entries.size() - 1; i >= 0; i--) {
            AuditEntry entry = entries.get(i);
            boolean inside = from.map(start -> !entry.at().isBefore(start)).orElse(true)
                    && to.map(end -> entry.at().isBefore(end)).orElse(true);
            if (inside) {
                newestFirst.add(entry);
            }
        }
        newestFirst.sort(Comparator.comparing(AuditEntry::at).reversed());
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }
}
