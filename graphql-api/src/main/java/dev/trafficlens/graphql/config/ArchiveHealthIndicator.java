package dev.trafficlens.graphql.config;

import dev.trafficlens.graphql.decorators.CircuitBreakingSampleArchive;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health}'s {@code archive}: DOWN while the database does not answer. Status and the archive's
 * circuit only: never the URL, the user or the driver's message. Queries go on from vendors meanwhile.
 */
final class ArchiveHealthIndicator implements HealthIndicator {

    private static final int VALID_WITHIN_SECONDS = 2;

    private final DataSource dataSource;
    private final CircuitBreakingSampleArchive archive;

    ArchiveHealthIndicator(DataSource dataSource, CircuitBreakingSampleArchive archive) {
        this.dataSource = dataSource;
        this.archive = archive;
    }

    @Override
    public Health health() {
        boolean answers;
        try (Connection connection = dataSource.getConnection()) {
            answers = connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException | RuntimeException unreachable) {
            answers = false;
        }
        return (answers ? Health.up() : Health.down()).withDetail("circuit", archive.state()).build();
    }
}
