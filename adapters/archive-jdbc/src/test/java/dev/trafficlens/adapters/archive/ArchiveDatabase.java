package dev.trafficlens.adapters.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database with the archive's schema migrated, for one test class: register a subclass with
 * {@code @RegisterExtension static}. {@link #dataSource()} is a pool the class shares; {@link #newDataSource()} is
 * another pool on the same schema (a second replica), closed by the caller.
 */
public abstract class ArchiveDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** Where Flyway finds the archive's migrations; the service sets {@code spring.flyway.locations} to it. */
    public static final String MIGRATIONS = "classpath:db/migration/archive";

    private HikariDataSource shared;
    private String unavailable;

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
        for (String table : new String[] {"archive_block", "archive_series", "archive_link_tag", "archive_link", "archive_lease",
                "archive_call_permit", "audit_log", "bill_period_link", "bill_period", "bill_link", "bill"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** What this database calls itself in test names and messages. */
    public abstract String name();

    /** Points a pool at this database (URL, user, schema). */
    protected abstract void configure(HikariConfig config);

    /** Where Flyway migrates: the default schema, or the class's own. */
    protected abstract Flyway flyway(DataSource dataSource);

    /**
     * Makes the database ready (PostgreSQL: checks it answers, creates the schema); returns why it cannot where the
     * tests are to be skipped, and throws where they are to fail.
     */
    protected abstract java.util.Optional<String> open() throws Exception;

    /** Removes what {@link #open()} made. */
    protected abstract void close() throws Exception;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        unavailable = open().orElse(null);
        if (unavailable == null) {
            shared = newDataSource();
            flyway(shared).migrate();
        }
    }

    /** Skips each test, with the reason, where the database is missing (each shows as skipped in the report). */
    @Override
    public void beforeEach(ExtensionContext context) {
        org.junit.jupiter.api.Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        if (unavailable == null) {
            close();
        }
    }
}
