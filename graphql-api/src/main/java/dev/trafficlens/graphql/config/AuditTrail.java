package dev.trafficlens.graphql.config;

import dev.trafficlens.domain.model.AuditEntry;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service does with the audit log, so that the recorder and the data fetcher stay off the outbound port.
 * Recording never fails a change: with {@code trafficlens.archive.enabled=false} each entry is logged at INFO instead,
 * and when the archive does not take it the failure is logged at WARN, counted in {@value #FAILURES} and the entry
 * logged at INFO, so that it is not lost silently. Reading throws {@link ArchiveUnavailable} with {@code ARCHIVE_DISABLED}
 * or {@code ARCHIVE_UNAVAILABLE}.
 */
public final class AuditTrail {

    /** Audit entries the archive did not take (each was logged at INFO instead). */
    public static final String FAILURES = "trafficlens.audit.failures";

    /** Why the audit log answers nothing when the archive is off. */
    public static final String ARCHIVE_OFF =
            "the audit log is kept in the archive, which is off (trafficlens.archive.enabled=false): "
                    + "changes are logged at INFO instead";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final Optional<AuditLog> auditLog;
    private final Counter failures;

    public AuditTrail(Optional<AuditLog> auditLog, MeterRegistry registry) {
        this.auditLog = auditLog;
        this.failures = Counter.builder(FAILURES)
                .description("Audit entries the archive did not take; each was logged at INFO instead")
                .register(registry);
    }

    /** Keeps {@code entry} in the archive, or logs it; never throws. */
    public void record(AuditEntry entry) {
        if (auditLog.isEmpty()) {
            log.info("Audit: {}", line(entry));
            return;
        }
        try {
            auditLog.get().record(entry);
        } catch (RuntimeException e) {
            failures.increment();
            // An ArchiveUnavailableException's message is ours and holds no credentials; any other failure's may
            // quote the driver, so only its kind is logged.
            String why = e instanceof ArchiveUnavailableException ? e.getMessage() : e.getClass().getSimpleName();
            log.warn("Audit entry not stored in the archive ({}); it is logged at INFO instead", why);
            log.info("Audit: {}", line(entry));
        }
    }

    /** See {@link AuditLog#entries}. */
    public List<AuditEntry> entries(Optional<Instant> from, Optional<Instant> to, int limit) {
        AuditLog store = auditLog.orElseThrow(() -> ArchiveUnavailable.disabled(ARCHIVE_OFF));
        try {
            return store.entries(from, to, limit);
        } catch (ArchiveUnavailableException unavailable) {
            throw ArchiveUnavailable.unreachable(unavailable.getMessage());
        }
    }

    /** One log line per entry, each field named; AuditEntry holds no control characters. */
    static String line(AuditEntry entry) {
        return "at=" + entry.at() + " actor=" + entry.actor() + " action=" + entry.action() + " target="
                + (entry.target() == null ? "-" : entry.target()) + " outcome=" + entry.outcome();
    }
}
