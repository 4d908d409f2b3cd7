package dev.trafficlens.adapters.archive;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL at {@code TRAFFICLENS_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test},
 * user {@code postgres}, no password), in a schema of its own per test class ({@code archive_test_…}), dropped when
 * the class ends, so concurrent builds never meet. Where no PostgreSQL answers, the class is skipped with a message
 * saying so; when the environment variable {@code CI} is set, it fails instead.
 */
public final class PostgresArchiveDatabase extends ArchiveDatabase {

    public static final String URL_VARIABLE = "TRAFFICLENS_TEST_POSTGRES_URL";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String url = Optional.ofNullable(System.getenv(URL_VARIABLE)).filter(value -> !value.isBlank())
            .orElse(DEFAULT_URL);
    private final String schema = "archive_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
            .toLowerCase(Locale.ROOT);

    @Override
    public String name() {
        return "PostgreSQL";
    }

    /** The schema this test class owns. */
    public String schema() {
        return schema;
    }

    @Override
    protected void configure(HikariConfig config) {
        config.setJdbcUrl(url);
        config.setUsername(USER);
        config.setSchema(schema);
    }

    @Override
    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).locations(MIGRATIONS)
                .load();
    }

    @Override
    protected Optional<String> open() throws SQLException {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, USER, "");
        } catch (SQLException e) {
            String message = "PostgreSQL does not answer at " + url.replaceFirst("\\?.*", "") + " as user " + USER
                    + " (" + e.getClass().getSimpleName() + ", SQLState " + e.getSQLState() + ")";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + "; CI is set, so the PostgreSQL tests fail instead of "
                        + "being skipped (.ci/run starts a server)", e);
            }
            return Optional.of(message + ": PostgreSQL tests skipped (set CI to make this a failure)");
        }
        try (connection) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return Optional.empty();
    }

    @Override
    protected void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
