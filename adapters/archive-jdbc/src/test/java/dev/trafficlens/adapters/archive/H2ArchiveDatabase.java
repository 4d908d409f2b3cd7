package dev.trafficlens.adapters.archive;

import com.zaxxer.hikari.HikariConfig;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A private in-memory H2 database per test class, gone when the class ends. */
public final class H2ArchiveDatabase extends ArchiveDatabase {

    private final String url = "jdbc:h2:mem:archive_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    @Override
    public String name() {
        return "H2";
    }

    @Override
    protected void configure(HikariConfig config) {
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
    }

    @Override
    protected Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
    }

    @Override
    protected Optional<String> open() {
        return Optional.empty();
    }

    @Override
    protected void close() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
