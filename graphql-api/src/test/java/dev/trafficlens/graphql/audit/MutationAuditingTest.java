package dev.trafficlens.graphql.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficlens.domain.model.AuditEntry;
import dev.trafficlens.domain.port.out.AuditLog;
import dev.trafficlens.graphql.config.AuditTrail;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.trafficlens.graphql.security.FieldAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The recorder on graphql-java alone, with mutations that fail in each way a data fetcher can: an error returned in
 * a {@link DataFetcherResult} (as an authorisation layer's {@code FORBIDDEN} would be), an exception that is a
 * GraphQL error, a plain exception, and a future that fails. Outside DGS there is no request: the actor is anonymous.
 */
class MutationAuditingTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    private final List<AuditEntry> recorded = new ArrayList<>();

    private final AuditLog log = new AuditLog() {
        @Override
        public synchronized void record(AuditEntry entry) {
            recorded.add(entry);
        }

        @Override
        public List<AuditEntry> entries(Optional<Instant> from, Optional<Instant> to, int limit) {
            throw new UnsupportedOperationException("not read here");
        }
    };

    /** An exception that is its own GraphQL error, with a code, as some layers throw. */
    private static final class CodedFailure extends RuntimeException implements GraphQLError {
        CodedFailure() {
            super("refused", null, false, false);
        }

        @Override
        public List<graphql.language.SourceLocation> getLocations() {
            return null;
        }

        @Override
        public graphql.ErrorClassification getErrorType() {
            return graphql.ErrorType.DataFetchingException;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", "UNAUTHENTICATED");
        }
    }

    private ExecutionResult run(String operation) {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
                type Query { ping: Boolean }
                type Mutation {
                  forbidden(id: ID!, secret: String): Boolean
                  coded(id: ID!): Boolean
                  broken(linkIds: [ID!]): Boolean
                  later(id: ID!): Boolean
                  fine(linkIds: [ID!]): Boolean
                }"""), RuntimeWiring.newRuntimeWiring()
                .type("Query", type -> type.dataFetcher("ping", env -> true))
                .type("Mutation", type -> type
                        .dataFetcher("forbidden", env -> DataFetcherResult.<Boolean>newResult().error(
                                GraphqlErrorBuilder.newError(env).message("viewers may not")
                                        .extensions(Map.of("code", "FORBIDDEN")).build()).build())
                        .dataFetcher("coded", env -> {
                            throw new CodedFailure();
                        })
                        .dataFetcher("broken", env -> {
                            throw new IllegalStateException("jdbc:postgresql://db?password=hunter2");
                        })
                        .dataFetcher("later", env -> CompletableFuture.failedFuture(new CodedFailure()))
                        .dataFetcher("fine", env -> CompletableFuture.completedFuture(true)))
                .build());
        MutationAuditing auditing = new MutationAuditing(new AuditTrail(Optional.of(log), new SimpleMeterRegistry()),
                Clock.fixed(NOW, ZoneOffset.UTC), new FieldAccess(Optional.empty()));
        return GraphQL.newGraphQL(schema).instrumentation(auditing).build().execute(operation);
    }

    @Test
    void returned_and_thrown_errors_are_recorded_with_their_codes_and_no_argument_but_the_id() {
        ExecutionResult result = run("""
                mutation { forbidden(id: "lnk_a", secret: "tok_s3cr3t") coded(id: "lnk_b") broken(linkIds: ["x", "y"])
                  later(id: "lnk_c") fine }""");

        assertThat(result.getErrors()).hasSize(4);
        assertThat(recorded).containsExactly(
                new AuditEntry(NOW, "anonymous", "forbidden", "lnk_a", "FORBIDDEN"),
                new AuditEntry(NOW, "anonymous", "coded", "lnk_b", "UNAUTHENTICATED"),
                new AuditEntry(NOW, "anonymous", "broken", "x,y", "INTERNAL"),
                new AuditEntry(NOW, "anonymous", "later", "lnk_c", "UNAUTHENTICATED"),
                new AuditEntry(NOW, "anonymous", "fine", "all", "ok"));
        assertThat(recorded.toString()).doesNotContain("tok_s3cr3t", "hunter2");
    }

    @Test
    void queries_are_not_recorded() {
        run("{ ping }");

        assertThat(recorded).isEmpty();
    }

    @Test
    void long_ids_are_cut_to_the_column_and_control_characters_replaced() {
        String longId = "l".repeat(AuditEntry.MAX_TARGET_LENGTH + 10);

        run("mutation { fine(linkIds: [\"" + longId + "\"]) later(id: \"a\\nb\") }");

        assertThat(recorded.get(0).target()).hasSize(AuditEntry.MAX_TARGET_LENGTH).endsWith("l…");
        assertThat(recorded.get(1).target()).isEqualTo("a?b");
    }
}
