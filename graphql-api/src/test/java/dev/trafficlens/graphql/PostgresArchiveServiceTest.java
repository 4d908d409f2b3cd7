package dev.trafficlens.graphql;

import dev.trafficlens.sandbox.Credentials;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.adapters.archive.PostgresArchiveDatabase;
import dev.trafficlens.domain.model.TimeWindow;
import graphql.ExecutionResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service on PostgreSQL (a schema of this class's own, dropped afterwards): a collection and a query of the
 * collected window answered from the archive with no vendor call. Skipped with a message where no PostgreSQL answers;
 * fails instead when CI is set (the archive-jdbc test jar's {@link PostgresArchiveDatabase}).
 */
class PostgresArchiveServiceTest {

    @RegisterExtension
    static final PostgresArchiveDatabase DATABASE = new PostgresArchiveDatabase();

    @Test
    void a_collected_link_is_answered_from_the_postgresql_archive() {
        String url = Optional.ofNullable(System.getenv(PostgresArchiveDatabase.URL_VARIABLE))
                .filter(value -> !value.isBlank()).orElse(PostgresArchiveDatabase.DEFAULT_URL);
        String resource = CollectorTest.unique("pc-pg-");
        try (ArchivedService service = ArchivedService.start(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + DATABASE.schema(),
                "--spring.datasource.username=postgres")) {
            String linkId = service.addLink(resource);
            Instant through = service.collect(linkId);
            TimeWindow window = CollectorTest.gaplessWindow(resource, through);
            long callsBefore = service.sandbox().calls().total();

            ExecutionResult answer = service.query(linkId, window);

            assertThat(answer.getErrors()).isEmpty();
            assertThat(ArchivedService.provenance(answer)).isEqualTo(Map.of("archived", 72, "fetched", 0, "missing", 0));
            assertThat(service.sandbox().calls().total()).isEqualTo(callsBefore);
            // The collection's vendor calls took permits shared by every replica on this database: one bucket for
            // the source and credential, keyed by a hash (never the key itself).
            List<String> buckets = JdbcClient.create(DATABASE.dataSource())
                    .sql("SELECT id FROM " + DATABASE.schema() + ".archive_call_permit").query(String.class).list();
            assertThat(buckets).singleElement().satisfies(bucket -> assertThat(bucket)
                    .startsWith("zenlayer.private-connect/")
                    .doesNotContain(Credentials.DEFAULT.accessKeyId()));
        }
    }
}
