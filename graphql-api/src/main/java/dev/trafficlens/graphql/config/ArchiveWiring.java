package dev.trafficlens.graphql.config;

import com.zaxxer.hikari.HikariDataSource;
import dev.trafficlens.adapters.archive.JdbcAuditLog;
import dev.trafficlens.adapters.archive.JdbcBillStore;
import dev.trafficlens.adapters.archive.JdbcLinkStore;
import dev.trafficlens.adapters.archive.JdbcSampleArchive;
import dev.trafficlens.adapters.archive.PostgresSharedCallPermits;
import dev.trafficlens.adapters.archive.ShedLockCollectorLease;
import dev.trafficlens.domain.port.out.AuditLog;
import dev.trafficlens.domain.port.out.LinkStore;
import dev.trafficlens.domain.port.out.SampleArchive;
import dev.trafficlens.domain.port.out.SharedCallPermits;
import dev.trafficlens.domain.service.BillingService;
import dev.trafficlens.domain.service.CollectorSettings;
import dev.trafficlens.domain.service.LinkCollector;
import dev.trafficlens.domain.service.SamplePurge;
import dev.trafficlens.domain.service.TrafficQueryService;
import dev.trafficlens.graphql.decorators.CircuitBreakingSampleArchive;
import dev.trafficlens.graphql.decorators.MeteredSampleArchive;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.StringUtils;

/**
 * The sample archive (issue #12), on unless {@code trafficlens.archive.enabled=false}: the database (the one of
 * {@code spring.datasource.*}, or an H2 file under {@code ~/.trafficlens}), the JDBC adapters (the audit log's
 * included), the collector and the purge. Flyway (Boot's auto-configuration, {@code spring.flyway.locations}) migrates the database before these beans
 * are used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "trafficlens.archive.enabled", matchIfMissing = true)
@EnableScheduling
public class ArchiveWiring {

    private static final Logger log = LoggerFactory.getLogger(ArchiveWiring.class);

    /** A database that failed is skipped this long before one call tries it again. */
    static final Duration ARCHIVE_OPEN_FOR = Duration.ofSeconds(30);
    private static final int LEASE_INTERVALS = 3;

    /**
     * The embedded default, one file per mode so that simulated samples never mix with real ones: live mode's
     * {@code ~/.trafficlens/archive}, sandbox mode's {@code ~/.trafficlens/sandbox-archive}.
     */
    static String defaultUrl(VendorMode mode) {
        Path file = Path.of(System.getProperty("user.home"), ".trafficlens", mode.sandbox() ? "sandbox-archive" : "archive");
        return "jdbc:h2:file:" + file;
    }

    /** {@code spring.datasource.*} as Boot binds them, with the H2 file when no URL is given. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, VendorMode mode) {
        if (!StringUtils.hasText(properties.getUrl())) {
            String url = defaultUrl(mode);
            log.info("Archive: {} (set spring.datasource.url to share one PostgreSQL between replicas)", url);
            properties.setUrl(url);
            if (!StringUtils.hasText(properties.getUsername())) {
                properties.setUsername("sa");
            }
        }
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    @DependsOnDatabaseInitialization
    CircuitBreakingSampleArchive circuitBreakingSampleArchive(DataSource dataSource) {
        return new CircuitBreakingSampleArchive(new JdbcSampleArchive(dataSource), ARCHIVE_OPEN_FOR);
    }

    /** What the query service and the collector use: metered, behind the circuit breaker. */
    @Bean
    @Primary
    SampleArchive sampleArchive(CircuitBreakingSampleArchive guarded, TrafficMetrics metrics) {
        return new MeteredSampleArchive(guarded, metrics.registry());
    }

    @Bean
    @DependsOnDatabaseInitialization
    LinkStore linkStore(DataSource dataSource) {
        return new JdbcLinkStore(dataSource);
    }

    /** Who changed what (issue #13), in the same database as the links it mostly records changes of. */
    @Bean
    @DependsOnDatabaseInitialization
    AuditLog auditLog(DataSource dataSource) {
        return new JdbcAuditLog(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ShedLockCollectorLease collectorLease(DataSource dataSource) {
        return new ShedLockCollectorLease(dataSource, holder());
    }

    @Bean
    LinkCollector linkCollector(LinkStore links, TrafficQueryService service, ShedLockCollectorLease lease,
                                Clock clock, TrafficlensProperties properties) {
        return new LinkCollector(links, service, lease, clock, CollectorSettings.DEFAULTS
                .withSettle(properties.collector().settle())
                .withLease(lease(properties.collector().interval())));
    }

    /**
     * The collector's lease: three intervals, extended by the running replica every interval, so that a replica
     * killed mid-run is taken over within about three intervals.
     */
    static Duration lease(Duration interval) {
        return interval.multipliedBy(LEASE_INTERVALS);
    }

    @Bean
    CollectorRuns collectorRuns(LinkCollector collector, LinkStore links, TrafficMetrics metrics, Clock clock) {
        return new CollectorRuns(collector, links, metrics.registry(), clock);
    }

    @Bean
    SamplePurge samplePurge(SampleArchive archive, Clock clock, TrafficlensProperties properties) {
        return new SamplePurge(archive, clock, properties.archive().keep());
    }

    @Bean
    ArchiveSchedule archiveSchedule(CollectorRuns runs, SamplePurge purge, TrafficlensProperties properties) {
        return new ArchiveSchedule(runs, purge, properties.collector());
    }

    /**
     * Vendor call permits shared by every replica on one PostgreSQL, so a credential's rate limit holds across the
     * fleet; on H2 (one process per file) the process's own limiters are the whole story and no permit is taken.
     */
    @Bean
    @DependsOnDatabaseInitialization
    SharedCallPermits sharedCallPermits(DataSourceProperties properties, DataSource dataSource, Clock clock) {
        String url = properties.getUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            log.info("Vendor rate limits are shared by every replica on this database");
            return new PostgresSharedCallPermits(dataSource, clock);
        }
        return SharedCallPermits.unshared();
    }

    /** Bills (issue #14), computed from the archived samples only and closed {@code trafficlens.billing.grace} late. */
    @Bean
    @DependsOnDatabaseInitialization
    BillingService billingService(DataSource dataSource, LinkStore links, SampleArchive archive, Clock clock,
                                  TrafficlensProperties properties) {
        return new BillingService(new JdbcBillStore(dataSource), links, archive, clock, properties.billing().grace());
    }

    @Bean
    BillingSchedule billingSchedule(BillingService billing) {
        return new BillingSchedule(billing);
    }

    @Bean
    ArchiveHealthIndicator archiveHealthIndicator(DataSource dataSource, CircuitBreakingSampleArchive archive) {
        return new ArchiveHealthIndicator(dataSource, archive);
    }

    /** Who holds the collector's lease, as the lease table shows it: this host and process. */
    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
