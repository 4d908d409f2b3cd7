package dev.trafficlens.adapters.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;

/**
 * A database with the archive's schema migrated, for one test class: register a subclass with
 * {@code @RegisterExtension static}. {@link #dataSource()} is a pool the class shares; {@link #newDataSource()} is
 * another pool on the same schema (a second replica), closed by the caller.
 */
public abstract class ArchiveDatabase implements BeforeAllCallback, AfterAllCallback {

    /** Where Flyway finds the archive's migrations; the service sets {@code spring.flyway.locations} to it. */
    public static final String MIGRATIONS = "classpath:db/migration/archive";

    private HikariDataSource shared;

    /** The pool this test class shares. */
    public DataSource dataSource() {
        if (shared == null) {
            throw new IllegalStateException("the database is set up before all tests: register it as a static extension");
        }
        return shared;
    }

    /** A separate pool on the same schema, like a second replica's; the caller closes it. */
    public HikariDataSource newDataSource() {
        HikariConfig config = new HikariConfig();
        configure(config);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /** Empties every archive table, so each test starts from nothing. */
    public void clear() {
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource());
        for (String table : new String[] {"archive_block", "archive_series", "archive_link_tag", "archive_link", "archive_lease"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** What this database calls itself in test names and messages. */
    public abstract String name();

    /** Points a pool at this database (URL, user, schema). */
    protected abstract void configure(HikariConfig config);

    /** Where Flyway migrates: the default schema, or the class's own. */
    protected abstract Flyway flyway(DataSource dataSource);

    /** Makes the database ready (PostgreSQL: checks it answers, creates the schema). */
    protected abstract void open() throws Exception;

    /** Removes what {@link #open()} made. */
    protected abstract void close() throws Exception;

    @Override
    public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
        open();
        shared = newDataSource();
        flyway(shared).migrate();
    }

    @Override
    public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        close();
    }
}
