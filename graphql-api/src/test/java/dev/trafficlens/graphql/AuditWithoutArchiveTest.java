package dev.trafficlens.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.trafficlens.domain.model.AuditEntry;
import dev.trafficlens.domain.port.out.ArchiveUnavailableException;
import dev.trafficlens.domain.port.out.AuditLog;
import dev.trafficlens.graphql.config.AuditTrail;
import graphql.ExecutionResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Where the audit log cannot keep an entry, the change still stands and its entry is logged: with the archive off
 * (at INFO), and with an archive that fails (a WARN, the {@code trafficlens.audit.failures} counter, and the entry at
 * INFO). Never an input in the log.
 */
class AuditWithoutArchiveTest {

    /** A link name that must never reach a log: inputs are not audited. */
    private static final String NAME = "name-" + UUID.randomUUID();

    @Nested
    @SpringBootTest(properties = "trafficlens.archive.enabled=false")
    class ArchiveOff {

        @RegisterExtension
        final NoSecretInTheLogs logs = new NoSecretInTheLogs().alsoSecret(NAME);

        @Autowired
        DgsQueryExecutor dgs;

        @Test
        void the_audit_log_says_it_needs_the_archive_and_mutations_are_logged_at_info() {
            ExecutionResult audit = dgs.execute("{ auditLog { action } }");
            assertThat(audit.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "ARCHIVE_DISABLED");
                assertThat(error.getMessage()).contains("audit log", "archive", "trafficlens.archive.enabled=false");
            });

            ExecutionResult added = dgs.execute(LinksApiTest.ADD,
                    LinksApiTest.linkInput(NAME, "pc-off", List.of()));

            assertThat(added.getErrors()).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "ARCHIVE_DISABLED"));
            assertThat(logs.output()).containsPattern(
                    "INFO .*Audit: at=\\S+ actor=sandbox action=addLink target=- outcome=ARCHIVE_DISABLED");
        }
    }

    @Nested
    @SpringBootTest
    @Import(ArchiveDown.FailingAuditLog.class)
    class ArchiveDown {

        @TestConfiguration
        static class FailingAuditLog {
            @Bean
            @Primary
            AuditLog failingAuditLog() {
                return new AuditLog() {
                    @Override
                    public void record(AuditEntry entry) {
                        throw new ArchiveUnavailableException("recording an audit entry failed: "
                                + "CannotGetJdbcConnectionException (SQLState 08001)", null);
                    }

                    @Override
                    public List<AuditEntry> entries(Optional<Instant> from, Optional<Instant> to, int limit) {
                        throw new ArchiveUnavailableException("reading the audit log failed: "
                                + "CannotGetJdbcConnectionException (SQLState 08001)", null);
                    }
                };
            }
        }

        @RegisterExtension
        final NoSecretInTheLogs logs = new NoSecretInTheLogs().alsoSecret(NAME);

        @Autowired
        DgsQueryExecutor dgs;

        @Autowired
        MeterRegistry registry;

        @Test
        void a_mutation_stands_and_its_entry_is_logged_warned_about_and_counted() {
            double failedBefore = registry.counter(AuditTrail.FAILURES).count();

            ExecutionResult added = dgs.execute(LinksApiTest.ADD, LinksApiTest.linkInput(NAME,
                    "pc-" + UUID.randomUUID().toString().substring(0, 8), List.of()));

            assertThat(added.getErrors()).isEmpty();
            String id = (String) ((Map<?, ?>) added.<Map<String, Object>>getData().get("addLink")).get("id");
            assertThat(registry.counter(AuditTrail.FAILURES).count()).isEqualTo(failedBefore + 1);
            assertThat(logs.output())
                    .containsPattern("WARN .*Audit entry not stored in the archive \\(recording an audit entry "
                            + "failed: CannotGetJdbcConnectionException \\(SQLState 08001\\)\\)")
                    .containsPattern("INFO .*Audit: at=\\S+ actor=sandbox action=addLink target=" + id
                            + " outcome=ok");

            ExecutionResult audit = dgs.execute("{ auditLog { action } }");
            assertThat(audit.getErrors()).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "ARCHIVE_UNAVAILABLE"));
        }
    }
}
