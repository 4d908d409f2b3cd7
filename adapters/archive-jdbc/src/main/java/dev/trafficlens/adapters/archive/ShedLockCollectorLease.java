package dev.trafficlens.adapters.archive;

import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.CollectorLease;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The collector lease as a ShedLock lock row in {@code archive_lease}: taken with an atomic conditional update or
 * insert, held until closed or until {@code atMost} passes, so a replica killed mid-run is taken over once its lease
 * expires; {@link Held#extend} moves the row's {@code lock_until} (ShedLock's {@link SimpleLock#extend}). Expiry is judged by the acquiring replica's clock ({@link ClockProvider}), so replicas need synchronised
 * clocks (NTP); a lease several minutes long tolerates the usual skew.
 */
public final class ShedLockCollectorLease implements CollectorLease {

    static final String LOCK_NAME = "trafficlens-collector";

    private final LockProvider locks;

    /** {@code holder} names this replica in the lease row (for example its host name), for whoever looks. */
    public ShedLockCollectorLease(DataSource dataSource, String holder) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("archive_lease")
                .withLockedByValue(Objects.requireNonNull(holder, "holder"))
                .forceUtcTimeZone()
                .build());
    }

    @Override
    public Optional<Held> tryAcquire(Duration atMost) {
        try {
            return locks.lock(new LockConfiguration(ClockProvider.now(), LOCK_NAME, atMost, Duration.ZERO))
                    .map(ShedLockHeld::new);
        } catch (RuntimeException e) {
            throw unavailable("taking", e);
        }
    }

    /** ShedLock's lock; each extension replaces it with a new one (the old one may no longer be used). */
    private static final class ShedLockHeld implements Held {
        private SimpleLock lock;
        private boolean lost;

        ShedLockHeld(SimpleLock lock) {
            this.lock = lock;
        }

        @Override
        public synchronized boolean extend(Duration atMost) {
            if (lost) {
                return false;
            }
            try {
                Optional<SimpleLock> extended = lock.extend(atMost, Duration.ZERO);
                extended.ifPresentOrElse(newer -> lock = newer, () -> lost = true);
                return !lost;
            } catch (RuntimeException e) {
                throw unavailable("extending", e);
            }
        }

        @Override
        public synchronized void close() {
            if (lost) {
                return;
            }
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                throw unavailable("releasing", e);
            }
        }
    }

    private static ArchiveUnavailableException unavailable(String doing, RuntimeException failure) {
        return new ArchiveUnavailableException(doing + " the collector lease failed: "
                + failure.getClass().getSimpleName(), failure);
    }
}
