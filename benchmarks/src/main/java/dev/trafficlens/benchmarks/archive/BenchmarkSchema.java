package dev.trafficlens.benchmarks.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL schema of a benchmark's own, migrated with the archive's Flyway scripts, and dropped with its pool on
 * {@link #close}. PostgreSQL at {@code TRAFFICLENS_TEST_POSTGRES_URL} (default 127.0.0.1:5432/test, user postgres, no
 * password), as the archive's tests use it.
 */
final class BenchmarkSchema implements AutoCloseable {

    private final String url;
    private final String name;
    private final HikariDataSource dataSource;

    private BenchmarkSchema(String url, String name, HikariDataSource dataSource) {
        this.url = url;
        this.name = name;
        this.dataSource = dataSource;
    }

    /** A new schema named {@code prefix} and a random suffix, migrated, behind a pool of four connections. */
    static BenchmarkSchema create(String prefix) throws SQLException {
        String url = Optional.ofNullable(System.getenv("TRAFFICLENS_TEST_POSTGRES_URL"))
                .orElse("jdbc:postgresql://127.0.0.1:5432/test");
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute("CREATE SCHEMA " + name);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setSchema(name);
        config.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/archive")
                .schemas(name).defaultSchema(name).load().migrate();
        return new BenchmarkSchema(url, name, dataSource);
    }

    String name() {
        return name;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
