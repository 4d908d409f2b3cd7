package dev.trafficlens.adapters.archive;

import static dev.trafficlens.adapters.archive.ArchiveFailures.guarded;

import dev.trafficlens.domain.model.AuditEntry;
import dev.trafficlens.domain.port.out.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log on JDBC: {@code audit_log}, one row per entry, indexed by time. Times are kept to the microsecond,
 * the finest both databases store.
 */
public final class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void record(AuditEntry entry) {
        guarded("recording an audit entry", () -> jdbc.sql("""
                        INSERT INTO audit_log (recorded_at, actor, action, target, outcome)
                        VALUES (:at, :actor, :action, :target, :outcome)""")
                .param("at", utc(entry.at())).param("actor", entry.actor()).param("action", entry.action())
                .param("target", entry.target(), java.sql.Types.VARCHAR).param("outcome", entry.outcome())
                .update());
    }

    @Override
    public List<AuditEntry> entries(Optional<Instant> from, Optional<Instant> to, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit: expected at least 1, got " + limit);
        }
        List<String> conditions = new ArrayList<>();
        from.ifPresent(start -> conditions.add("recorded_at >= :from"));
        to.ifPresent(end -> conditions.add("recorded_at < :to"));
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ";
        return guarded("reading the audit log", () -> {
            JdbcClient.StatementSpec query = jdbc.sql("SELECT recorded_at, actor, action, target, outcome "
                    + "FROM audit_log " + where + "ORDER BY recorded_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                    .param("limit", limit);
            if (from.isPresent()) {
                query = query.param("from", utc(from.get()));
            }
            if (to.isPresent()) {
                query = query.param("to", utc(to.get()));
            }
            return query.query(JdbcAuditLog::row).list();
        });
    }

    private static AuditEntry row(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5));
    }

    private static OffsetDateTime utc(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
